package io.baeum.learning.enrollment.messaging;

import java.util.UUID;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import io.baeum.common.events.DomainEvent;
import io.baeum.common.events.DomainEventCodec;
import io.baeum.common.events.MalformedEventException;
import io.baeum.learning.enrollment.EnrollmentService;
import io.baeum.learning.support.events.InboundEventHandler;

/**
 * billing's {@value #TYPE} — data {@code {orderId, accountId, cohortId}} — activates or creates the trainee's
 * enrollment. An unknown cohort is refused ({@code COHORT_NOT_FOUND}, to the DLQ).
 */
@Component
class EnrollmentPaidHandler implements InboundEventHandler {

    static final String TYPE = "io.baeum.billing.EnrollmentPaid.v1";
    static final String CONSUMER = "learning.enrollment-paid";

    private final DomainEventCodec codec;
    private final EnrollmentService enrollments;

    EnrollmentPaidHandler(DomainEventCodec codec, EnrollmentService enrollments) {
        this.codec = codec;
        this.enrollments = enrollments;
    }

    /** The contract of billing's event data. */
    record EnrollmentPaid(String orderId, String accountId, UUID cohortId) {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String consumer() {
        return CONSUMER;
    }

    @Override
    public Mono<Void> prepare(DomainEvent event) {
        EnrollmentPaid paid = codec.data(event, EnrollmentPaid.class);
        if (paid.orderId() == null || paid.accountId() == null || paid.cohortId() == null) {
            throw new MalformedEventException("EnrollmentPaid lacks orderId, accountId or cohortId", null);
        }
        return Mono.defer(() -> enrollments.paymentReceived(
                new EnrollmentService.Payment(paid.orderId(), paid.accountId(), paid.cohortId())).then());
    }
}

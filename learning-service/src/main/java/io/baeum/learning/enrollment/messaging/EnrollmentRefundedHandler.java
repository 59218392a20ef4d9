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
 * billing's {@value #TYPE} — data {@code {orderId, accountId, cohortId, refundId, amount, fullyRefunded}} — ends
 * the enrollment that order paid for: a refund under 평생교육법 별표3 follows a withdrawal, full or partial, so
 * the trainee's access ends (CANCELLED, reason {@code REFUNDED <refundId>}, EnrollmentCancelled to exam, billing
 * and rag). A refund of an enrollment that has already ended changes nothing.
 */
@Component
class EnrollmentRefundedHandler implements InboundEventHandler {

    static final String TYPE = "io.baeum.billing.EnrollmentRefunded.v1";
    static final String CONSUMER = "learning.enrollment-refunded";

    private final DomainEventCodec codec;
    private final EnrollmentService enrollments;

    EnrollmentRefundedHandler(DomainEventCodec codec, EnrollmentService enrollments) {
        this.codec = codec;
        this.enrollments = enrollments;
    }

    /** The contract of billing's event data (the fields learning needs). */
    record EnrollmentRefunded(String orderId, String accountId, UUID cohortId, String refundId) {
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
        EnrollmentRefunded refunded = codec.data(event, EnrollmentRefunded.class);
        if (refunded.orderId() == null || refunded.accountId() == null || refunded.cohortId() == null || refunded.refundId() == null) {
            throw new MalformedEventException("EnrollmentRefunded lacks orderId, accountId, cohortId or refundId", null);
        }
        return Mono.defer(() -> enrollments.refunded(new EnrollmentService.Refund(refunded.orderId(), refunded.accountId(),
                refunded.cohortId(), refunded.refundId())));
    }
}

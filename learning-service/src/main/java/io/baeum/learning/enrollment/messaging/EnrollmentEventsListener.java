package io.baeum.learning.enrollment.messaging;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.common.events.DomainEvent;
import io.baeum.common.events.DomainEventCodec;
import io.baeum.common.events.MalformedEventException;
import io.baeum.learning.config.DeadLetters;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.enrollment.EnrollmentService;

/**
 * Domain events for learning-service ({@code learning-events}). Today: billing's
 * {@value #ENROLLMENT_PAID} — data {@code {orderId, accountId, cohortId}} — which activates or creates
 * the trainee's enrollment. The event id is recorded in the inbox in the same transaction as the
 * effect, so a redelivered event changes nothing. Unknown types are acknowledged and ignored;
 * malformed events and events about unknown cohorts go to the DLQ with a reason; other failures
 * leave the message unacknowledged (redelivery, then the redrive policy).
 */
@Component
class EnrollmentEventsListener {

    static final String ENROLLMENT_PAID = "io.baeum.billing.EnrollmentPaid.v1";
    static final String CONSUMER = "learning.enrollment-paid";

    private static final Logger log = LoggerFactory.getLogger(EnrollmentEventsListener.class);

    private final DomainEventCodec codec;
    private final EnrollmentService enrollments;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final DeadLetters deadLetters;
    private final LearningProperties.Events properties;
    private final MeterRegistry meters;

    EnrollmentEventsListener(DomainEventCodec codec, EnrollmentService enrollments, DatabaseClient db,
                             TransactionalOperator tx, DeadLetters deadLetters, LearningProperties properties,
                             MeterRegistry meters) {
        this.codec = codec;
        this.enrollments = enrollments;
        this.db = db;
        this.tx = tx;
        this.deadLetters = deadLetters;
        this.properties = properties.events();
        this.meters = meters;
    }

    /** The contract of billing's event data. */
    record EnrollmentPaid(String orderId, String accountId, UUID cohortId) {
    }

    @SqsListener(value = "${baeum.learning.events.queue:learning-events}", id = "learning-events")
    CompletableFuture<Void> onMessage(String body) {
        return handle(body).toFuture();
    }

    Mono<Void> handle(String body) {
        DomainEvent event;
        EnrollmentPaid paid;
        try {
            event = codec.read(body);
            if (!ENROLLMENT_PAID.equals(event.type())) {
                meters.counter("baeum.learning.events", "type", "other", "outcome", "ignored").increment();
                return Mono.empty();
            }
            paid = codec.data(event, EnrollmentPaid.class);
            if (paid.orderId() == null || paid.accountId() == null || paid.cohortId() == null) {
                throw new MalformedEventException("EnrollmentPaid lacks orderId, accountId or cohortId", null);
            }
        } catch (MalformedEventException | IllegalArgumentException e) {
            return reject(body, "MALFORMED_EVENT");
        }
        String eventId = event.id();
        return db.sql("INSERT INTO inbox_event (consumer, event_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                .bind("consumer", CONSUMER).bind("id", eventId)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false)
                        : enrollments.paymentReceived(new EnrollmentService.Payment(paid.orderId(), paid.accountId(), paid.cohortId()))
                        .thenReturn(true))
                .as(tx::transactional)
                .doOnNext(applied -> meters.counter("baeum.learning.events", "type", "EnrollmentPaid",
                        "outcome", applied ? "applied" : "duplicate").increment())
                .onErrorResume(DomainException.class, v -> {
                    log.warn("EnrollmentPaid {} cannot be applied: {}", eventId, v.code());
                    return reject(body, v.code()).thenReturn(false);
                })
                .then();
    }

    private Mono<Void> reject(String body, String reason) {
        meters.counter("baeum.learning.events.rejected", "reason", reason).increment();
        return deadLetters.send(properties.deadLetterQueue(), properties.queue(), body, reason);
    }
}

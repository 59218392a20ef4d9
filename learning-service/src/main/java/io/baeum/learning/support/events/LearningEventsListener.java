package io.baeum.learning.support.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

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

/**
 * Domain events for learning-service ({@code learning-events}), dispatched by type to the features'
 * {@link InboundEventHandler}s (billing's {@code EnrollmentPaid} → enrollment, exam's {@code ExamResultRecorded}
 * → completion). The event id is recorded in the inbox in the same transaction as the effect, so a redelivered
 * event changes nothing. Types without a handler are acknowledged and ignored; malformed events and events a
 * handler refuses (a {@code DomainException}: unknown cohort, unknown enrollment) go to the DLQ with a reason and
 * write nothing; other failures leave the message unacknowledged (redelivery, then the redrive policy).
 */
@Component
class LearningEventsListener {

    private static final Logger log = LoggerFactory.getLogger(LearningEventsListener.class);

    private final DomainEventCodec codec;
    private final Map<String, InboundEventHandler> handlers;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final DeadLetters deadLetters;
    private final LearningProperties.Events properties;
    private final MeterRegistry meters;

    LearningEventsListener(DomainEventCodec codec, List<InboundEventHandler> handlers, DatabaseClient db,
                           TransactionalOperator tx, DeadLetters deadLetters, LearningProperties properties, MeterRegistry meters) {
        this.codec = codec;
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(InboundEventHandler::type, Function.identity()));
        this.db = db;
        this.tx = tx;
        this.deadLetters = deadLetters;
        this.properties = properties.events();
        this.meters = meters;
    }

    @SqsListener(value = "${baeum.learning.events.queue:learning-events}", id = "learning-events")
    CompletableFuture<Void> onMessage(String body) {
        return handle(body).toFuture();
    }

    Mono<Void> handle(String body) {
        DomainEvent event;
        InboundEventHandler handler;
        Mono<Void> effect;
        try {
            event = codec.read(body);
            handler = handlers.get(event.type());
            if (handler == null) {
                meters.counter("baeum.learning.events", "type", "other", "outcome", "ignored").increment();
                return Mono.empty();
            }
            effect = handler.prepare(event);
        } catch (MalformedEventException | IllegalArgumentException e) {
            log.warn("learning-events message rejected: {}", e.getMessage());
            return reject(body, "MALFORMED_EVENT");
        }
        String eventId = event.id();
        String type = simpleName(event.type());
        return db.sql("INSERT INTO inbox_event (consumer, event_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                .bind("consumer", handler.consumer()).bind("id", eventId)
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false) : effect.thenReturn(true))
                .as(tx::transactional)
                .doOnNext(applied -> meters.counter("baeum.learning.events", "type", type,
                        "outcome", applied ? "applied" : "duplicate").increment())
                .onErrorResume(DomainException.class, refused -> {
                    log.warn("{} {} cannot be applied: {}", type, eventId, refused.code());
                    return reject(body, refused.code()).thenReturn(false);
                })
                .then();
    }

    private static String simpleName(String type) {
        String[] parts = type.split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : type;
    }

    private Mono<Void> reject(String body, String reason) {
        meters.counter("baeum.learning.events.rejected", "reason", reason).increment();
        return deadLetters.send(properties.deadLetterQueue(), properties.queue(), body, reason);
    }
}

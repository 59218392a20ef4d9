package io.baeum.billing.catalogue.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import io.baeum.billing.catalogue.domain.CatalogueCohort;
import io.baeum.billing.catalogue.persistence.CatalogueStore;
import io.baeum.billing.config.BillingProperties;
import io.baeum.billing.config.DeadLetters;
import io.baeum.common.events.DomainEvent;
import io.baeum.common.events.DomainEventCodec;
import io.baeum.common.events.MalformedEventException;

/**
 * learning-service's events on {@code billing-events} (schemas in billing-service/README.md):
 * {@value #COHORT_OFFERED} and {@value #COHORT_CHANGED} (a cohort's price, schedule and whether it is
 * sold), {@value #COHORT_WITHDRAWN}, and {@value #LESSON_OPENED} (the studied part of a refund).
 *
 * <p>Tolerant by design, since learning's schemas are young: unknown types are acknowledged and
 * ignored, unknown fields ignored, optional fields defaulted; a cohort event older than the copy
 * changes nothing (events may arrive out of order). The event id goes into the inbox in the same
 * transaction as the effect, so a redelivery changes nothing. Events missing what they must carry go
 * to the DLQ with a reason; other failures leave the message unacknowledged (redelivery, then the
 * redrive policy).
 */
@Component
class BillingEventsListener {

    static final String COHORT_OFFERED = "io.baeum.learning.CohortOffered.v1";
    static final String COHORT_CHANGED = "io.baeum.learning.CohortChanged.v1";
    static final String COHORT_WITHDRAWN = "io.baeum.learning.CohortWithdrawn.v1";
    static final String LESSON_OPENED = "io.baeum.learning.LessonOpened.v1";
    static final String CONSUMER = "billing.learning-events";

    private final DomainEventCodec codec;
    private final CatalogueStore catalogue;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final DeadLetters deadLetters;
    private final BillingProperties properties;
    private final MeterRegistry meters;

    BillingEventsListener(DomainEventCodec codec, CatalogueStore catalogue, DatabaseClient db, TransactionalOperator tx,
                          DeadLetters deadLetters, BillingProperties properties, MeterRegistry meters) {
        this.codec = codec;
        this.catalogue = catalogue;
        this.db = db;
        this.tx = tx;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.meters = meters;
    }

    /** CohortOffered / CohortChanged data; everything but the ids, title, price and dates is optional. */
    record CohortData(@Nullable UUID cohortId, @Nullable UUID courseId, @Nullable String courseTitle,
                      @Nullable String trainingType, @Nullable String delivery, @Nullable Long price,
                      @Nullable String currency, @Nullable Boolean sellable, @Nullable LocalDate studyFrom,
                      @Nullable LocalDate studyTo, @Nullable Integer lessonCount, @Nullable Integer sessionCount) {
    }

    record WithdrawnData(@Nullable UUID cohortId) {
    }

    record LessonOpenedData(@Nullable String accountId, @Nullable UUID cohortId, @Nullable UUID lessonId,
                            @Nullable Instant openedAt) {
    }

    @SqsListener(value = "${baeum.billing.events.queue:billing-events}", id = "billing-events")
    CompletableFuture<Void> onMessage(String body) {
        return handle(body).toFuture();
    }

    Mono<Void> handle(String body) {
        DomainEvent event;
        Mono<Boolean> effect;
        try {
            event = codec.read(body);
            effect = switch (event.type()) {
                case COHORT_OFFERED, COHORT_CHANGED -> catalogue.upsert(cohort(event));
                case COHORT_WITHDRAWN -> withdrawn(event);
                case LESSON_OPENED -> lessonOpened(event);
                default -> null;
            };
        } catch (MalformedEventException | IllegalArgumentException | NullPointerException e) {
            meters.counter("baeum.billing.events.rejected", "reason", "MALFORMED_EVENT").increment();
            return deadLetters.send(properties.events().deadLetterQueue(), properties.events().queue(), body, "MALFORMED_EVENT");
        }
        if (effect == null) {
            meters.counter("baeum.billing.events", "type", "other", "outcome", "ignored").increment();
            return Mono.empty();
        }
        String type = event.type().replace("io.baeum.learning.", "");
        return db.sql("INSERT INTO inbox_event (consumer, event_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                .bind("consumer", CONSUMER).bind("id", event.id())
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just("duplicate") : effect.map(changed -> changed ? "applied" : "stale"))
                .as(tx::transactional)
                .doOnNext(outcome -> meters.counter("baeum.billing.events", "type", type, "outcome", outcome).increment())
                .then();
    }

    private CatalogueCohort cohort(DomainEvent event) {
        CohortData d = codec.data(event, CohortData.class);
        if (d.cohortId() == null || d.courseId() == null || d.courseTitle() == null || d.price() == null
                || d.studyFrom() == null || d.studyTo() == null || d.price() < 0 || d.studyTo().isBefore(d.studyFrom())) {
            throw new MalformedEventException(event.type() + " lacks cohortId, courseId, courseTitle, price or study dates", null);
        }
        CatalogueCohort.Delivery delivery = d.delivery() == null ? CatalogueCohort.Delivery.NON_REALTIME_REMOTE
                : CatalogueCohort.Delivery.valueOf(d.delivery());
        Integer sessions = d.sessionCount() != null && d.sessionCount() > 0 ? d.sessionCount() : null;
        return new CatalogueCohort(d.cohortId(), d.courseId(), d.courseTitle(),
                d.trainingType() == null ? "GENERAL" : d.trainingType(), delivery, d.price(),
                d.currency() == null ? properties.currency() : d.currency(), d.sellable() == null || d.sellable(),
                d.studyFrom(), d.studyTo(), d.lessonCount() == null ? 0 : Math.max(0, d.lessonCount()), sessions,
                event.time());
    }

    private Mono<Boolean> withdrawn(DomainEvent event) {
        WithdrawnData d = codec.data(event, WithdrawnData.class);
        if (d.cohortId() == null) {
            throw new MalformedEventException("CohortWithdrawn lacks cohortId", null);
        }
        return catalogue.withdraw(d.cohortId(), event.time());
    }

    private Mono<Boolean> lessonOpened(DomainEvent event) {
        LessonOpenedData d = codec.data(event, LessonOpenedData.class);
        if (d.accountId() == null || d.cohortId() == null || d.lessonId() == null) {
            throw new MalformedEventException("LessonOpened lacks accountId, cohortId or lessonId", null);
        }
        return catalogue.lessonOpened(d.accountId(), d.cohortId(), d.lessonId(), d.openedAt() == null ? event.time() : d.openedAt())
                .thenReturn(true);
    }
}

package io.baeum.rag.messaging;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
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
import io.baeum.rag.access.CourseAccess;
import io.baeum.rag.config.DeadLetters;
import io.baeum.rag.config.RagProperties;
import io.baeum.rag.document.DocumentService;
import io.baeum.rag.document.domain.DocumentDraft;
import io.baeum.rag.document.domain.DocumentKind;
import io.baeum.rag.document.persistence.DocumentStore;
import io.baeum.rag.guard.EvaluationGuard;

/**
 * The {@code rag-events} queue (contract: rag-service/README.md). From learning-service: enrollments
 * (course access), courses and lessons (study-channel documents); from exam-service: evaluation item
 * fingerprints (R4). Tolerant: the version suffix of a type is not compared, unknown fields and unknown
 * types are ignored, reordered enrollment and fingerprint events converge (newest event time wins).
 * Each event id is recorded in the inbox in the effect's transaction (redelivery changes nothing);
 * malformed events go to the DLQ with a reason; other failures leave the message for redelivery.
 */
@Component
class RagEventsListener {

    static final String CONSUMER = "rag.events";

    private static final Logger log = LoggerFactory.getLogger(RagEventsListener.class);

    record EnrollmentData(@Nullable String enrollmentId, @Nullable String accountId, @Nullable String courseId) {
    }

    record CourseData(@Nullable String courseId, @Nullable String title, @Nullable String description) {
    }

    record LessonData(@Nullable String courseId, @Nullable String lessonId, @Nullable String title,
                      @Nullable String description) {
    }

    record FingerprintData(@Nullable String evaluationId, @Nullable String courseId, @Nullable String status,
                           @Nullable Instant closesAt, @Nullable Integer shingleSize, @Nullable List<ItemData> items) {
    }

    record ItemData(@Nullable String itemId, @Nullable List<Long> hashes) {
    }

    private final DomainEventCodec codec;
    private final CourseAccess access;
    private final DocumentService documents;
    private final DocumentStore store;
    private final EvaluationGuard guard;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final DeadLetters deadLetters;
    private final RagProperties.Events properties;
    private final MeterRegistry meters;

    RagEventsListener(DomainEventCodec codec, CourseAccess access, DocumentService documents, DocumentStore store,
                      EvaluationGuard guard, DatabaseClient db, TransactionalOperator tx, DeadLetters deadLetters,
                      RagProperties properties, MeterRegistry meters) {
        this.codec = codec;
        this.access = access;
        this.documents = documents;
        this.store = store;
        this.guard = guard;
        this.db = db;
        this.tx = tx;
        this.deadLetters = deadLetters;
        this.properties = properties.events();
        this.meters = meters;
    }

    @SqsListener(value = "${baeum.rag.events.queue:rag-events}", id = "rag-events")
    CompletableFuture<Void> onMessage(String body) {
        return handle(body).toFuture();
    }

    /** Applies one message body; completes when it may be acknowledged. */
    Mono<Void> handle(String body) {
        DomainEvent event;
        Mono<Void> effect;
        String name;
        try {
            event = codec.read(body);
            name = unversioned(event.type());
            effect = effect(name, event);
        } catch (MalformedEventException | IllegalArgumentException | DomainException e) {
            return reject(body, "MALFORMED_EVENT");
        }
        if (effect == null) {
            meters.counter("baeum.rag.events", "type", "other", "outcome", "ignored").increment();
            return Mono.empty();
        }
        return db.sql("INSERT INTO inbox_event (consumer, event_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                .bind("consumer", CONSUMER).bind("id", event.id())
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false) : effect.thenReturn(true))
                .as(tx::transactional)
                .doOnNext(applied -> meters.counter("baeum.rag.events", "type", name, "outcome", applied ? "applied" : "duplicate").increment())
                .then();
    }

    private @Nullable Mono<Void> effect(String type, DomainEvent event) {
        Instant time = event.time();
        return switch (type) {
            case "io.baeum.learning.EnrollmentActivated", "io.baeum.learning.EnrollmentEnded",
                 "io.baeum.learning.EnrollmentCancelled" -> {
                EnrollmentData d = codec.data(event, EnrollmentData.class);
                require(d.enrollmentId(), d.accountId(), d.courseId());
                yield access.record(d.enrollmentId(), d.accountId(), d.courseId(), type.endsWith("Activated"), time);
            }
            case "io.baeum.learning.CourseChanged" -> {
                CourseData d = codec.data(event, CourseData.class);
                require(d.courseId(), d.title());
                String text = d.description() == null || d.description().isBlank() ? d.title() : d.description();
                yield documents.upsert(new DocumentDraft(DocumentKind.COURSE, d.courseId(), null, d.title(), "text/plain",
                        "learning:course:" + d.courseId(), text), "learning-service").then();
            }
            case "io.baeum.learning.LessonChanged" -> {
                LessonData d = codec.data(event, LessonData.class);
                require(d.courseId(), d.lessonId(), d.title());
                String text = d.description() == null || d.description().isBlank() ? d.title() : d.description();
                yield documents.upsert(new DocumentDraft(DocumentKind.LESSON, d.courseId(), d.lessonId(), d.title(), "text/plain",
                        "learning:lesson:" + d.lessonId(), text), "learning-service").then();
            }
            case "io.baeum.learning.LessonRemoved" -> {
                LessonData d = codec.data(event, LessonData.class);
                require(d.lessonId());
                yield store.deleteByExternalRef("learning:lesson:" + d.lessonId()).then();
            }
            case "io.baeum.exam.EvaluationItemsFingerprinted" -> {
                FingerprintData d = codec.data(event, FingerprintData.class);
                require(d.evaluationId(), d.status());
                if (d.shingleSize() != null && d.shingleSize() != io.baeum.rag.text.Shingles.SIZE) {
                    throw new MalformedEventException("shingleSize " + d.shingleSize() + " is not " + io.baeum.rag.text.Shingles.SIZE, null);
                }
                List<EvaluationGuard.ItemFingerprint> items = d.items() == null ? List.of() : d.items().stream()
                        .map(i -> {
                            require(i.itemId());
                            return new EvaluationGuard.ItemFingerprint(i.itemId(), i.hashes() == null ? List.of() : i.hashes());
                        }).toList();
                yield guard.replace(d.evaluationId(), d.courseId(), d.status(), d.closesAt(), time, items);
            }
            default -> null;
        };
    }

    /** {@code io.baeum.learning.LessonChanged.v1} → {@code io.baeum.learning.LessonChanged}. */
    static String unversioned(String type) {
        return type.replaceFirst("\\.v\\d+$", "");
    }

    private static void require(@Nullable Object... values) {
        for (Object value : values) {
            if (value == null || value instanceof String s && s.isBlank()) {
                throw new MalformedEventException("a required field is missing", null);
            }
        }
    }

    private Mono<Void> reject(String body, String reason) {
        log.warn("rag-events message rejected: {}", reason);
        meters.counter("baeum.rag.events.rejected", "reason", reason).increment();
        return deadLetters.send(properties.deadLetterQueue(), properties.queue(), body, reason);
    }
}

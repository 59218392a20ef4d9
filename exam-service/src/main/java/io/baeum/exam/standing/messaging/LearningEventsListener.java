package io.baeum.exam.standing.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
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
import tools.jackson.databind.JsonNode;

import io.baeum.common.events.DomainEvent;
import io.baeum.common.events.DomainEventCodec;
import io.baeum.common.events.MalformedEventException;
import io.baeum.exam.config.DeadLetters;
import io.baeum.exam.config.ExamProperties;
import io.baeum.exam.standing.persistence.StandingStore;

/**
 * learning-service's facts for exam-service ({@code exam-events}): enrollments and progress, kept as a
 * local copy that opening rules read. Tolerant by design while learning's schema settles: the type is
 * matched by its name whatever its prefix and version ({@code io.baeum.learning.EnrollmentActivated.v1}
 * → {@code EnrollmentActivated}), fields by a few accepted spellings (README: "Events in"). Unknown
 * types are acknowledged and ignored; an event without the account or course goes to the DLQ with a
 * reason; other failures leave the message unacknowledged (redelivery, then the redrive policy). Each
 * event id is recorded in the inbox in the same transaction as its effect, so a redelivery changes nothing.
 */
@Component
class LearningEventsListener {

    static final String CONSUMER = "exam.learning-facts";
    static final Set<String> ACTIVATING = Set.of("EnrollmentActivated", "EnrollmentApproved", "EnrollmentAssigned", "EnrollmentReactivated");
    static final Set<String> ENDING = Set.of("EnrollmentCancelled", "EnrollmentCanceled", "EnrollmentRejected", "EnrollmentRevoked",
            "EnrollmentWithdrawn", "EnrollmentRefunded", "EnrollmentExpelled");
    static final Set<String> PROGRESS = Set.of("CourseProgressChanged", "ProgressMilestoneReached", "CourseProgressMilestoneReached",
            "LessonProgressChanged", "LessonCompleted", "ProgressChanged");

    private static final Logger log = LoggerFactory.getLogger(LearningEventsListener.class);

    private final DomainEventCodec codec;
    private final StandingStore standings;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final DeadLetters deadLetters;
    private final ExamProperties.Events properties;
    private final MeterRegistry meters;

    LearningEventsListener(DomainEventCodec codec, StandingStore standings, DatabaseClient db, TransactionalOperator tx,
                           DeadLetters deadLetters, ExamProperties properties, MeterRegistry meters) {
        this.codec = codec;
        this.standings = standings;
        this.db = db;
        this.tx = tx;
        this.deadLetters = deadLetters;
        this.properties = properties.events();
        this.meters = meters;
    }

    @SqsListener(value = "${baeum.exam.events.queue:exam-events}", id = "exam-events")
    CompletableFuture<Void> onMessage(String body) {
        return handle(body).toFuture();
    }

    Mono<Void> handle(String body) {
        DomainEvent event;
        Mono<Void> effect;
        String name;
        try {
            event = codec.read(body);
            name = simpleName(event.type());
            effect = effect(name, event);
            if (effect == null) {
                meters.counter("baeum.exam.events", "type", "other", "outcome", "ignored").increment();
                return Mono.empty();
            }
        } catch (MalformedEventException | IllegalArgumentException | DateTimeParseException e) {
            log.warn("exam-events message rejected: {}", e.getMessage());
            return reject(body, "MALFORMED_EVENT");
        }
        return db.sql("INSERT INTO inbox_event (consumer, event_id) VALUES (:consumer, :id) ON CONFLICT DO NOTHING")
                .bind("consumer", CONSUMER).bind("id", event.id())
                .fetch().rowsUpdated()
                .flatMap(inserted -> inserted == 0 ? Mono.just(false) : effect.thenReturn(true))
                .as(tx::transactional)
                .doOnNext(applied -> meters.counter("baeum.exam.events", "type", name, "outcome", applied ? "applied" : "duplicate")
                        .increment())
                .then();
    }

    /** What the event changes, or null for a type this service does not use. */
    private @Nullable Mono<Void> effect(String name, DomainEvent event) {
        JsonNode data = event.data();
        boolean activating = ACTIVATING.contains(name);
        if (activating || ENDING.contains(name)) {
            return standings.enrollment(new StandingStore.EnrollmentFact(required(data, "accountId", "traineeId", "userId"),
                    required(data, "courseId"), text(data, "cohortId"), text(data, "enrollmentId", "id"), activating,
                    date(data, "studyFrom", "studyStart", "startDate"), date(data, "studyTo", "studyEnd", "endDate"), event.time()));
        }
        if (PROGRESS.contains(name)) {
            String account = required(data, "accountId", "traineeId", "userId");
            BigDecimal percent = percent(data);
            String lesson = text(data, "lessonId");
            String course = text(data, "courseId");
            if (lesson != null) {
                Mono<Void> lessonEffect = standings.lessonProgress(account, lesson, course, percent);
                BigDecimal coursePercent = decimal(data, "courseProgressPercent", "coursePercent", "courseProgress");
                return course != null && coursePercent != null
                        ? lessonEffect.then(standings.courseProgress(account, course, coursePercent)) : lessonEffect;
            }
            if (course == null) {
                throw new MalformedEventException(name + " names neither a course nor a lesson", null);
            }
            return standings.courseProgress(account, course, percent);
        }
        return null;
    }

    static String simpleName(String type) {
        String[] parts = type.split("\\.");
        int last = parts.length - 1;
        if (last > 0 && parts[last].toLowerCase(Locale.ROOT).matches("v[0-9]+")) {
            last--;
        }
        return parts[last];
    }

    private static String required(JsonNode data, String... names) {
        String value = text(data, names);
        if (value == null) {
            throw new MalformedEventException("missing " + names[0], null);
        }
        return value;
    }

    private static @Nullable String text(JsonNode data, String... names) {
        for (String name : names) {
            JsonNode node = data.get(name);
            if (node != null && !node.isNull() && !node.asString().isBlank()) {
                String value = node.asString().strip();
                if (value.length() > 128) {
                    throw new MalformedEventException(name + " is too long", null);
                }
                return value;
            }
        }
        return null;
    }

    private static @Nullable LocalDate date(JsonNode data, String... names) {
        String text = text(data, names);
        return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    private static @Nullable BigDecimal decimal(JsonNode data, String... names) {
        for (String name : names) {
            JsonNode node = data.get(name);
            if (node != null && node.isNumber()) {
                return node.decimalValue();
            }
            if (node != null && node.isString() && !node.asString().isBlank()) {
                return new BigDecimal(node.asString().strip());
            }
        }
        return null;
    }

    private static BigDecimal percent(JsonNode data) {
        BigDecimal percent = decimal(data, "progressPercent", "percent", "progress", "milestone", "milestonePercent");
        if (percent == null) {
            throw new MalformedEventException("missing progressPercent", null);
        }
        return percent;
    }

    private Mono<Void> reject(String body, String reason) {
        meters.counter("baeum.exam.events.rejected", "reason", reason).increment();
        return deadLetters.send(properties.deadLetterQueue(), properties.queue(), body, reason);
    }
}

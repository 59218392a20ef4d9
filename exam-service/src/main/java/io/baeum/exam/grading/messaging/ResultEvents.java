package io.baeum.exam.grading.messaging;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import io.baeum.common.events.DomainEventCodec;
import io.baeum.common.events.OutboxWriter;
import io.baeum.exam.attempt.domain.Attempt;
import io.baeum.exam.config.ExamProperties;
import io.baeum.exam.evaluation.domain.Evaluation;

/**
 * Results for learning-service's completion rules, through the outbox on {@code learning-events}:
 * {@value #TYPE}, one per result revision (a regrade or a copied-answer decision sends a new revision;
 * learning keeps the highest revision per attempt). Schema: exam-service/README.md.
 */
@Component
public class ResultEvents {

    public static final String TYPE = "io.baeum.exam.ExamResultRecorded.v1";
    static final URI SOURCE = URI.create("/exam-service");

    /**
     * The event's data.
     *
     * @param score     out of 100, two decimals
     * @param onTime    submitted by the deadline (an auto-submit at the deadline is on time; a late assignment is not)
     * @param revision  1 for the first result, +1 per change
     * @param reason    null, {@code REGRADED} or {@code COPIED_ANSWER}
     */
    public record ExamResultRecorded(UUID attemptId, UUID evaluationId, String evaluationKind, String courseId, @Nullable String cohortId,
                                     String traineeId, int attemptNo, BigDecimal score, int maxScore, int passScore, boolean passed,
                                     boolean onTime, boolean autoSubmitted, boolean blank, @Nullable Instant submittedAt, Instant gradedAt,
                                     int revision, @Nullable String reason) {
    }

    private final OutboxWriter outbox;
    private final DomainEventCodec codec;
    private final Clock clock;
    private final String queue;

    ResultEvents(OutboxWriter outbox, DomainEventCodec codec, Clock clock, ExamProperties properties) {
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
        this.queue = properties.events().resultsQueue();
    }

    /** Appends the event in the caller's transaction. */
    public Mono<Void> recorded(Attempt a, Evaluation e) {
        ExamResultRecorded data = new ExamResultRecorded(a.id(), e.id(), e.kind().name(), e.courseId(), e.cohortId(), a.traineeId(),
                a.attemptNo(), a.score(), 100, e.passScore(), Boolean.TRUE.equals(a.passed()), Boolean.TRUE.equals(a.onTime()),
                a.autoSubmitted(), Boolean.TRUE.equals(a.blank()), a.submittedAt(), clock.instant(), a.resultRevision(), a.scoreReason());
        return outbox.append(queue, codec.create(TYPE, SOURCE, a.id().toString(), data, clock));
    }
}

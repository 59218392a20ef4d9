package io.baeum.learning.completion.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import io.baeum.common.events.DomainEvent;
import io.baeum.common.events.DomainEventCodec;
import io.baeum.common.events.MalformedEventException;
import io.baeum.learning.completion.CompletionService;
import io.baeum.learning.completion.domain.EvaluationKind;
import io.baeum.learning.support.events.InboundEventHandler;

/**
 * exam-service's {@value #TYPE} (schema: exam-service/README.md, "Events out"): one result revision of one
 * attempt. The data is checked here (ids, kind, score within 0..100, revision ≥ 1, attempt ≥ 1) — anything else
 * is malformed and goes to the DLQ untouched; the completion service maps the trainee and course to the
 * enrollment (unknown: refused, {@code ENROLLMENT_NOT_FOUND}) and keeps the highest revision per attempt.
 */
@Component
class ExamResultRecordedHandler implements InboundEventHandler {

    static final String TYPE = "io.baeum.exam.ExamResultRecorded.v1";
    static final String CONSUMER = "learning.exam-results";

    private final DomainEventCodec codec;
    private final CompletionService completions;

    ExamResultRecordedHandler(DomainEventCodec codec, CompletionService completions) {
        this.codec = codec;
        this.completions = completions;
    }

    /** The contract of exam-service's event data. */
    record ExamResultRecorded(@Nullable UUID attemptId, @Nullable UUID evaluationId, @Nullable String evaluationKind,
                              @Nullable String courseId, @Nullable String cohortId, @Nullable String traineeId,
                              int attemptNo, @Nullable BigDecimal score, int maxScore, int passScore, boolean passed,
                              boolean onTime, boolean autoSubmitted, boolean blank, @Nullable Instant submittedAt,
                              @Nullable Instant gradedAt, int revision, @Nullable String reason) {
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
        ExamResultRecorded data = codec.data(event, ExamResultRecorded.class);
        if (data.attemptId() == null || data.evaluationId() == null || data.evaluationKind() == null || data.courseId() == null
                || data.traineeId() == null || data.traineeId().isBlank() || data.traineeId().length() > 128
                || data.score() == null || data.gradedAt() == null) {
            throw new MalformedEventException("ExamResultRecorded lacks an id, the kind, the course, the trainee, the score or gradedAt", null);
        }
        if (data.maxScore() != 100 || data.score().signum() < 0 || data.score().compareTo(BigDecimal.valueOf(100)) > 0
                || data.score().scale() > 2 || data.revision() < 1 || data.attemptNo() < 1
                || data.passScore() < 0 || data.passScore() > 100
                || data.reason() != null && data.reason().length() > 64) {
            throw new MalformedEventException("ExamResultRecorded has a value out of range", null);
        }
        EvaluationKind kind = EvaluationKind.valueOf(data.evaluationKind());
        UUID courseId = UUID.fromString(data.courseId());
        UUID cohortId = data.cohortId() == null || data.cohortId().isBlank() ? null : UUID.fromString(data.cohortId());
        CompletionService.ResultReceived result = new CompletionService.ResultReceived(data.attemptId(), data.evaluationId(), kind,
                courseId, cohortId, data.traineeId(), data.attemptNo(), data.score(), data.passScore(), data.passed(),
                data.onTime(), data.autoSubmitted(), data.blank(), data.submittedAt(), data.gradedAt(), data.revision(),
                data.reason());
        return Mono.defer(() -> completions.resultRecorded(result));
    }
}

package io.baeum.learning.completion.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What happened to an enrollment's completion, in the past tense; each record is the {@code data} of a CloudEvent
 * {@code io.baeum.learning.<RecordName>.v1} (learning-service/README.md).
 */
public sealed interface CompletionEvent {

    UUID enrollmentId();

    /** The trainee completed the course (수료): every gate met. */
    record CourseCompleted(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId, BigDecimal progressPercent,
                           BigDecimal totalScore, int decisionNo, Instant completedAt) implements CompletionEvent {
    }

    /**
     * The trainee did not complete (미수료): {@code unmet} names the gates; {@code previousOutcome} is
     * {@code COMPLETED} when a completion was taken back (e.g. a confirmed copied answer).
     */
    record CourseFailed(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId, BigDecimal progressPercent,
                        BigDecimal totalScore, List<String> unmet, @Nullable String previousOutcome, int decisionNo,
                        Instant failedAt) implements CompletionEvent {
    }
}

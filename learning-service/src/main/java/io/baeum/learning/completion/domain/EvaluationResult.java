package io.baeum.learning.completion.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * The current result of one attempt (the highest revision exam-service sent).
 *
 * @param score    out of 100
 * @param onTime   submitted by the deadline
 * @param revision 1 for the first result, +1 per regrade or copied-answer decision
 */
public record EvaluationResult(UUID attemptId, UUID evaluationId, EvaluationKind kind, int attemptNo, BigDecimal score,
                               boolean passed, boolean onTime, int revision) {

    public EvaluationResult {
        Objects.requireNonNull(attemptId, "attemptId");
        Objects.requireNonNull(evaluationId, "evaluationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(score, "score");
        if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("score out of 0..100: " + score);
        }
    }
}

package io.baeum.learning.completion.domain;

import java.util.Map;
import java.util.UUID;

/**
 * The completion rule of a training type in force for a cohort (table {@code completion_policy}: data, effective-dated).
 *
 * @param minProgressPercent 진도율 needed (e.g. 80)
 * @param minTotalScore      weighted total needed, out of 100 (e.g. 60)
 * @param requireOnTime      a late submission does not count (its evaluation scores 0 unless an on-time attempt exists)
 */
public record CompletionPolicy(UUID id, String trainingType, int version, int minProgressPercent, int minTotalScore,
                               int finalWeight, int assignmentWeight, int stageWeight, boolean requireOnTime) {

    public CompletionPolicy {
        if (finalWeight < 0 || assignmentWeight < 0 || stageWeight < 0 || finalWeight + assignmentWeight + stageWeight != 100) {
            throw new IllegalArgumentException("weights must be non-negative and sum to 100");
        }
        if (minProgressPercent < 1 || minProgressPercent > 100 || minTotalScore < 0 || minTotalScore > 100) {
            throw new IllegalArgumentException("thresholds out of range");
        }
    }

    public int weight(EvaluationKind kind) {
        return weights().get(kind);
    }

    public Map<EvaluationKind, Integer> weights() {
        return Map.of(EvaluationKind.FINAL, finalWeight, EvaluationKind.ASSIGNMENT, assignmentWeight,
                EvaluationKind.STAGE, stageWeight);
    }
}

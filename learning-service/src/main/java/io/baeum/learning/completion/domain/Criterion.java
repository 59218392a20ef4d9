package io.baeum.learning.completion.domain;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One line of a decision's "why" (the {@code criteria} jsonb of {@code completion}). Gates
 * ({@code PROGRESS}, {@code TOTAL_SCORE}) have a threshold and say whether they are met; the parts of the total
 * ({@code FINAL_SCORE}, {@code ASSIGNMENT_SCORE}, {@code STAGE_SCORE}) carry their effective weight, how many
 * evaluations they average and how many late attempts were left out, with {@code threshold} and {@code met} null.
 */
public record Criterion(String criterion, BigDecimal value, @Nullable Integer threshold, @Nullable Boolean met,
                        @Nullable BigDecimal weight, @Nullable Integer evaluations, @Nullable Integer lateExcluded) {

    public static final String PROGRESS = "PROGRESS";
    public static final String TOTAL_SCORE = "TOTAL_SCORE";

    static Criterion gate(String name, BigDecimal value, int threshold) {
        return new Criterion(name, value, threshold, value.compareTo(BigDecimal.valueOf(threshold)) >= 0, null, null, null);
    }

    static Criterion part(EvaluationKind kind, BigDecimal value, BigDecimal weight, int evaluations, int lateExcluded) {
        return new Criterion(kind.name() + "_SCORE", value, null, null, weight, evaluations, lateExcluded);
    }

    /** Equal values whatever their scale (a decision read back from JSON compares equal to the one computed). */
    public boolean sameAs(Criterion other) {
        return criterion.equals(other.criterion) && value.compareTo(other.value) == 0
                && java.util.Objects.equals(threshold, other.threshold) && java.util.Objects.equals(met, other.met)
                && (weight == null ? other.weight == null : other.weight != null && weight.compareTo(other.weight) == 0)
                && java.util.Objects.equals(evaluations, other.evaluations)
                && java.util.Objects.equals(lateExcluded, other.lateExcluded);
    }

    public boolean isGate() {
        return met != null;
    }
}

package io.baeum.learning.dashboard.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a trainee stands on one kind of evaluation (stage evaluations, final exam, assignments), from the
 * results exam-service sent: the latest attempt of each evaluation counts (a re-exam replaces the first).
 *
 * @param kind         STAGE, FINAL or ASSIGNMENT
 * @param evaluations  evaluations with a result
 * @param passed       of those, passed
 * @param late         of those, submitted late
 * @param averageScore mean score of the latest attempts, two decimals; null without any result
 * @param lastGradedAt when the latest result was graded
 */
public record EvaluationSummary(Kind kind, int evaluations, int passed, int late, @Nullable BigDecimal averageScore,
                                @Nullable Instant lastGradedAt) {

    public enum Kind { STAGE, FINAL, ASSIGNMENT }

    /** One result: the latest attempt of an evaluation. */
    public record Result(UUID enrollmentId, UUID evaluationId, Kind kind, int attemptNo, BigDecimal score, boolean passed,
                         boolean onTime, Instant gradedAt) {
    }

    /** The status of an evaluation kind without results: nothing graded yet. */
    public static EvaluationSummary none(Kind kind) {
        return new EvaluationSummary(kind, 0, 0, 0, null, null);
    }

    /** One summary per kind (all three, empty ones included) from the latest attempts of one enrollment. */
    public static Map<Kind, EvaluationSummary> of(List<Result> latestAttempts) {
        Map<Kind, List<Result>> byKind = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        latestAttempts.forEach(r -> byKind.get(r.kind()).add(r));
        Map<Kind, EvaluationSummary> summaries = new EnumMap<>(Kind.class);
        byKind.forEach((kind, results) -> summaries.put(kind, summarise(kind, results)));
        return summaries;
    }

    private static EvaluationSummary summarise(Kind kind, List<Result> results) {
        if (results.isEmpty()) {
            return none(kind);
        }
        BigDecimal total = BigDecimal.ZERO;
        int passed = 0;
        int late = 0;
        Instant last = Instant.MIN;
        for (Result r : results) {
            total = total.add(r.score());
            passed += r.passed() ? 1 : 0;
            late += r.onTime() ? 0 : 1;
            last = r.gradedAt().isAfter(last) ? r.gradedAt() : last;
        }
        return new EvaluationSummary(kind, results.size(), passed, late,
                total.divide(BigDecimal.valueOf(results.size()), 2, RoundingMode.HALF_UP), last);
    }
}

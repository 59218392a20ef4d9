package io.baeum.learning.completion.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The completion rule (수료 기준), pure: 진도율 ≥ the policy's percent <b>and</b> the weighted total of the final exam,
 * the assignments and the progress-stage evaluations ≥ the policy's score.
 *
 * <ul>
 *   <li>Per evaluation the best counted attempt wins; with {@code requireOnTime} a late attempt does not count
 *       (the evaluation scores 0 unless an on-time attempt exists).</li>
 *   <li>A kind's score is the mean over the course's evaluations of that kind: an evaluation the trainee never
 *       submitted scores 0. The course's evaluations are those exam-service reported results for
 *       ({@code courseEvaluations}) plus the trainee's own.</li>
 *   <li>A kind the course has no evaluation of (e.g. no assignments) leaves the total: the other weights are
 *       renormalised to 100, so a course of one final exam is judged by that exam alone.</li>
 * </ul>
 * Totals are rounded half-up to two decimals; the decision lists every gate and part with its value (why).
 */
public final class CompletionRule {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CompletionRule() {
    }

    public static CompletionDecision decide(CompletionPolicy policy, BigDecimal progressPercent,
                                            Collection<EvaluationResult> results, Map<UUID, EvaluationKind> courseEvaluations) {
        Map<UUID, EvaluationKind> evaluations = new LinkedHashMap<>(courseEvaluations);
        results.forEach(r -> evaluations.putIfAbsent(r.evaluationId(), r.kind()));

        Map<EvaluationKind, BigDecimal> sums = new EnumMap<>(EvaluationKind.class);
        Map<EvaluationKind, Integer> counts = new EnumMap<>(EvaluationKind.class);
        Map<EvaluationKind, Integer> late = new EnumMap<>(EvaluationKind.class);
        for (EvaluationKind kind : EvaluationKind.values()) {
            sums.put(kind, BigDecimal.ZERO);
            counts.put(kind, 0);
            late.put(kind, 0);
        }
        evaluations.forEach((evaluationId, kind) -> {
            BigDecimal best = BigDecimal.ZERO;
            for (EvaluationResult r : results) {
                if (!r.evaluationId().equals(evaluationId)) {
                    continue;
                }
                if (policy.requireOnTime() && !r.onTime()) {
                    late.merge(kind, 1, Integer::sum);
                } else if (r.score().compareTo(best) > 0) {
                    best = r.score();
                }
            }
            sums.merge(kind, best, BigDecimal::add);
            counts.merge(kind, 1, Integer::sum);
        });

        int weightSum = 0;
        for (EvaluationKind kind : EvaluationKind.values()) {
            if (counts.get(kind) > 0) {
                weightSum += policy.weight(kind);
            }
        }
        BigDecimal weighted = BigDecimal.ZERO;
        List<Criterion> parts = new ArrayList<>();
        for (EvaluationKind kind : List.of(EvaluationKind.FINAL, EvaluationKind.ASSIGNMENT, EvaluationKind.STAGE)) {
            int n = counts.get(kind);
            BigDecimal mean = n == 0 ? BigDecimal.ZERO : sums.get(kind).divide(BigDecimal.valueOf(n), 6, RoundingMode.HALF_UP);
            boolean counted = n > 0 && weightSum > 0;
            BigDecimal weight = counted
                    ? BigDecimal.valueOf(policy.weight(kind) * 100L).divide(BigDecimal.valueOf(weightSum), 2, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(2);
            if (counted) {
                weighted = weighted.add(mean.multiply(BigDecimal.valueOf(policy.weight(kind))));
            }
            parts.add(Criterion.part(kind, mean.setScale(2, RoundingMode.HALF_UP), weight, n, late.get(kind)));
        }
        BigDecimal total = weightSum == 0 ? BigDecimal.ZERO.setScale(2)
                : weighted.divide(BigDecimal.valueOf(weightSum), 2, RoundingMode.HALF_UP);
        BigDecimal progress = progressPercent.setScale(2, RoundingMode.HALF_UP);

        List<Criterion> criteria = new ArrayList<>();
        criteria.add(Criterion.gate(Criterion.PROGRESS, progress, policy.minProgressPercent()));
        criteria.add(Criterion.gate(Criterion.TOTAL_SCORE, total, policy.minTotalScore()));
        criteria.addAll(parts);
        boolean met = criteria.stream().filter(Criterion::isGate).allMatch(c -> Boolean.TRUE.equals(c.met()));
        return new CompletionDecision(met ? Outcome.COMPLETED : Outcome.FAILED, progress, total, criteria);
    }

    /**
     * Whether an enrollment is decided now: a decided one is re-decided on every new input; an undecided one
     * once its final exam has a result and its progress reached the threshold (the last input), or when its
     * cohort ended.
     */
    public static boolean isDue(boolean decidedBefore, Trigger trigger, boolean hasFinalResult, BigDecimal progressPercent,
                                CompletionPolicy policy) {
        return decidedBefore || trigger == Trigger.COURSE_ENDED
                || hasFinalResult && progressPercent.compareTo(BigDecimal.valueOf(policy.minProgressPercent())) >= 0;
    }
}

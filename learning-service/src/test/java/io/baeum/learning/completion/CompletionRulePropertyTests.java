package io.baeum.learning.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import io.baeum.learning.completion.domain.CompletionDecision;
import io.baeum.learning.completion.domain.CompletionPolicy;
import io.baeum.learning.completion.domain.CompletionRule;
import io.baeum.learning.completion.domain.EvaluationKind;
import io.baeum.learning.completion.domain.EvaluationResult;
import io.baeum.learning.completion.domain.Outcome;

/** Properties of the completion rule over generated results and policies. */
class CompletionRulePropertyTests {

    static final List<UUID> EVALUATIONS = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            UUID.randomUUID());
    static final List<EvaluationKind> KINDS = List.of(EvaluationKind.FINAL, EvaluationKind.ASSIGNMENT, EvaluationKind.STAGE,
            EvaluationKind.STAGE, EvaluationKind.ASSIGNMENT);

    @Provide
    Arbitrary<List<EvaluationResult>> results() {
        Arbitrary<EvaluationResult> one = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 3),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(2), Arbitraries.of(true, false))
                .as((e, attempt, score, onTime) -> new EvaluationResult(UUID.randomUUID(), EVALUATIONS.get(e), KINDS.get(e), attempt,
                        score, score.compareTo(BigDecimal.valueOf(60)) >= 0, onTime, 1));
        return one.list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<CompletionPolicy> policies() {
        return Combinators.combine(Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(1, 100), Arbitraries.integers().between(0, 100), Arbitraries.of(true, false))
                .as((a, b, progress, score, onTime) -> {
                    int low = Math.min(a, b);
                    int high = Math.max(a, b);
                    return new CompletionPolicy(UUID.randomUUID(), "SAEOPJU", 1, progress, score, low, high - low, 100 - high, onTime);
                });
    }

    @Property(tries = 500)
    void theDecisionDoesNotDependOnTheOrderOfResults(@ForAll("policies") CompletionPolicy policy, @ForAll("results") List<EvaluationResult> results,
                                                     @ForAll long seed, @ForAll @IntRange(max = 100) int progress) {
        List<EvaluationResult> shuffled = new ArrayList<>(results);
        Collections.shuffle(shuffled, new Random(seed));
        CompletionDecision a = CompletionRule.decide(policy, BigDecimal.valueOf(progress), results, Map.of());
        CompletionDecision b = CompletionRule.decide(policy, BigDecimal.valueOf(progress), shuffled, Map.of());
        assertThat(b.outcome()).isEqualTo(a.outcome());
        assertThat(b.totalScore()).isEqualByComparingTo(a.totalScore());
    }

    @Property(tries = 500)
    void theTotalStaysWithinZeroAndHundredAndCompletionMeansEveryGateIsMet(@ForAll("policies") CompletionPolicy policy,
            @ForAll("results") List<EvaluationResult> results, @ForAll @IntRange(max = 100) int progress) {
        CompletionDecision d = CompletionRule.decide(policy, BigDecimal.valueOf(progress), results, Map.of());
        assertThat(d.totalScore()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        boolean gates = progress >= policy.minProgressPercent() && d.totalScore().compareTo(BigDecimal.valueOf(policy.minTotalScore())) >= 0;
        assertThat(d.outcome() == Outcome.COMPLETED).isEqualTo(gates);
    }

    @Property(tries = 500)
    void anotherOnTimeAttemptNeverLowersTheTotal(@ForAll("policies") CompletionPolicy policy, @ForAll("results") List<EvaluationResult> results,
                                                 @ForAll @IntRange(max = 4) int evaluation, @ForAll @IntRange(max = 100) int score) {
        CompletionDecision before = CompletionRule.decide(policy, BigDecimal.valueOf(100), results, Map.of());
        List<EvaluationResult> more = new ArrayList<>(results);
        more.add(new EvaluationResult(UUID.randomUUID(), EVALUATIONS.get(evaluation), KINDS.get(evaluation), 9, BigDecimal.valueOf(score),
                score >= 60, true, 1));
        CompletionDecision after = CompletionRule.decide(policy, BigDecimal.valueOf(100), more,
                Map.of(EVALUATIONS.get(evaluation), KINDS.get(evaluation)));
        CompletionDecision beforeKnown = CompletionRule.decide(policy, BigDecimal.valueOf(100), results,
                Map.of(EVALUATIONS.get(evaluation), KINDS.get(evaluation)));
        // with the evaluation known either way, a better attempt can only help
        assertThat(after.totalScore()).isGreaterThanOrEqualTo(beforeKnown.totalScore());
        if (before.outcome() == Outcome.COMPLETED && beforeKnown.outcome() == Outcome.COMPLETED) {
            assertThat(after.outcome()).isEqualTo(Outcome.COMPLETED);
        }
    }
}

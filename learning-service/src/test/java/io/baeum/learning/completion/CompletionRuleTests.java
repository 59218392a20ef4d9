package io.baeum.learning.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.baeum.learning.completion.domain.CompletionDecision;
import io.baeum.learning.completion.domain.CompletionPolicy;
import io.baeum.learning.completion.domain.CompletionRule;
import io.baeum.learning.completion.domain.Criterion;
import io.baeum.learning.completion.domain.EvaluationKind;
import io.baeum.learning.completion.domain.EvaluationResult;
import io.baeum.learning.completion.domain.Outcome;
import io.baeum.learning.completion.domain.Trigger;

/** The completion rule on worked examples (policy: progress ≥ 80, total ≥ 60, weights final 60 / assignments 30 / stages 10). */
class CompletionRuleTests {

    static final CompletionPolicy POLICY = new CompletionPolicy(UUID.randomUUID(), "SAEOPJU", 1, 80, 60, 60, 30, 10, true);

    static final UUID FINAL = UUID.randomUUID();
    static final UUID ASSIGNMENT = UUID.randomUUID();
    static final UUID STAGE_1 = UUID.randomUUID();
    static final UUID STAGE_2 = UUID.randomUUID();

    final List<EvaluationResult> results = new ArrayList<>();

    void result(UUID evaluation, EvaluationKind kind, int attemptNo, String score, boolean onTime) {
        results.add(new EvaluationResult(UUID.randomUUID(), evaluation, kind, attemptNo, new BigDecimal(score),
                new BigDecimal(score).compareTo(BigDecimal.valueOf(60)) >= 0, onTime, 1));
    }

    CompletionDecision decide(String progress) {
        return CompletionRule.decide(POLICY, new BigDecimal(progress), results, Map.of());
    }

    static Criterion criterion(CompletionDecision d, String name) {
        return d.criteria().stream().filter(c -> c.criterion().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aTraineeWhoMeetsEveryCriterionCompletesAndTheDecisionSaysWhy() {
        result(FINAL, EvaluationKind.FINAL, 1, "80", true);
        result(ASSIGNMENT, EvaluationKind.ASSIGNMENT, 1, "70", true);
        result(STAGE_1, EvaluationKind.STAGE, 1, "90", true);
        result(STAGE_2, EvaluationKind.STAGE, 1, "50", true);

        CompletionDecision d = decide("85.5");

        // 0.6 × 80 + 0.3 × 70 + 0.1 × (90 + 50) / 2 = 48 + 21 + 7 = 76
        assertThat(d.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(d.totalScore()).isEqualByComparingTo("76.00");
        assertThat(criterion(d, "PROGRESS")).satisfies(c -> {
            assertThat(c.value()).isEqualByComparingTo("85.50");
            assertThat(c.threshold()).isEqualTo(80);
            assertThat(c.met()).isTrue();
        });
        assertThat(criterion(d, "TOTAL_SCORE").met()).isTrue();
        assertThat(criterion(d, "STAGE_SCORE")).satisfies(c -> {
            assertThat(c.value()).isEqualByComparingTo("70");
            assertThat(c.evaluations()).isEqualTo(2);
            assertThat(c.weight()).isEqualByComparingTo("10");
        });
        assertThat(d.unmet()).isEmpty();
    }

    @Test
    void progressShortOfTheThresholdFailsWhateverTheScore() {
        result(FINAL, EvaluationKind.FINAL, 1, "100", true);
        result(ASSIGNMENT, EvaluationKind.ASSIGNMENT, 1, "100", true);
        result(STAGE_1, EvaluationKind.STAGE, 1, "100", true);

        CompletionDecision d = decide("79.99");

        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(d.unmet()).containsExactly("PROGRESS");
        assertThat(d.totalScore()).isEqualByComparingTo("100");
    }

    @Test
    void aTotalBelowSixtyFailsWithFullProgress() {
        result(FINAL, EvaluationKind.FINAL, 1, "50", true);
        result(ASSIGNMENT, EvaluationKind.ASSIGNMENT, 1, "60", true);
        result(STAGE_1, EvaluationKind.STAGE, 1, "80", true);

        CompletionDecision d = decide("100");

        // 30 + 18 + 8 = 56
        assertThat(d.totalScore()).isEqualByComparingTo("56.00");
        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(d.unmet()).containsExactly("TOTAL_SCORE");
    }

    @Test
    void aMissedAssignmentThatTheCourseHasCountsZero() {
        result(FINAL, EvaluationKind.FINAL, 1, "90", true);
        result(STAGE_1, EvaluationKind.STAGE, 1, "90", true);

        CompletionDecision d = CompletionRule.decide(POLICY, new BigDecimal("90"), results, Map.of(ASSIGNMENT, EvaluationKind.ASSIGNMENT));

        // 54 + 0 + 9 = 63 (the assignment the others submitted counts 0 here)
        assertThat(d.totalScore()).isEqualByComparingTo("63.00");
        assertThat(criterion(d, "ASSIGNMENT_SCORE").value()).isEqualByComparingTo("0");
        assertThat(d.outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void aCourseWithOnlyAFinalExamIsJudgedByItAlone() {
        result(FINAL, EvaluationKind.FINAL, 1, "60", true);

        CompletionDecision d = decide("80");

        assertThat(d.totalScore()).isEqualByComparingTo("60.00");
        assertThat(criterion(d, "FINAL_SCORE").weight()).isEqualByComparingTo("100");
        assertThat(criterion(d, "ASSIGNMENT_SCORE").weight()).isEqualByComparingTo("0");
        assertThat(d.outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void aLateSubmissionDoesNotCountWhenThePolicyRequiresOnTime() {
        result(FINAL, EvaluationKind.FINAL, 1, "90", true);
        result(ASSIGNMENT, EvaluationKind.ASSIGNMENT, 1, "100", false);

        CompletionDecision d = decide("90");

        // 60 × 90 / 90 weight (final 60 + assignment 30) → (54 + 0) / 0.9 = 60; the late 100 is left out
        assertThat(criterion(d, "ASSIGNMENT_SCORE").lateExcluded()).isEqualTo(1);
        assertThat(criterion(d, "ASSIGNMENT_SCORE").value()).isEqualByComparingTo("0");
        assertThat(d.totalScore()).isEqualByComparingTo("60.00");

        CompletionPolicy lenient = new CompletionPolicy(POLICY.id(), "SAEOPJU", 2, 80, 60, 60, 30, 10, false);
        assertThat(CompletionRule.decide(lenient, new BigDecimal("90"), results, Map.of()).totalScore()).isEqualByComparingTo("93.33");
    }

    @Test
    void aLateFinalExamFailsTheTrainee() {
        result(FINAL, EvaluationKind.FINAL, 1, "95", false);
        result(ASSIGNMENT, EvaluationKind.ASSIGNMENT, 1, "100", true);

        CompletionDecision d = decide("100");

        assertThat(d.totalScore()).isEqualByComparingTo("33.33");
        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aReExamRaisingTheScoreTurnsFailureIntoCompletion() {
        result(FINAL, EvaluationKind.FINAL, 1, "40", true);
        result(ASSIGNMENT, EvaluationKind.ASSIGNMENT, 1, "70", true);
        assertThat(decide("100").outcome()).isEqualTo(Outcome.FAILED);

        result(FINAL, EvaluationKind.FINAL, 2, "75", true);

        CompletionDecision d = decide("100");
        // best attempt: (60 × 75 + 30 × 70) / 90 = 73.33
        assertThat(d.totalScore()).isEqualByComparingTo("73.33");
        assertThat(d.outcome()).isEqualTo(Outcome.COMPLETED);
    }

    @Test
    void noResultAtAllScoresZero() {
        CompletionDecision d = decide("100");
        assertThat(d.totalScore()).isEqualByComparingTo("0");
        assertThat(d.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(d.unmet()).containsExactly("TOTAL_SCORE");
    }

    @Test
    void aDecisionIsDueWhenTheLastInputArrivesOrTheCourseEnded() {
        BigDecimal enough = new BigDecimal("80");
        BigDecimal short_ = new BigDecimal("79.5");
        assertThat(CompletionRule.isDue(false, Trigger.RESULT, true, enough, POLICY)).isTrue();
        assertThat(CompletionRule.isDue(false, Trigger.PROGRESS, true, enough, POLICY)).isTrue();
        assertThat(CompletionRule.isDue(false, Trigger.RESULT, true, short_, POLICY)).isFalse();
        assertThat(CompletionRule.isDue(false, Trigger.RESULT, false, enough, POLICY)).isFalse();
        assertThat(CompletionRule.isDue(false, Trigger.COURSE_ENDED, false, BigDecimal.ZERO, POLICY)).isTrue();
        assertThat(CompletionRule.isDue(true, Trigger.RESULT, false, BigDecimal.ZERO, POLICY)).isTrue();
    }
}

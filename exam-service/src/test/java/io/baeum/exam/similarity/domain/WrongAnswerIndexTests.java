package io.baeum.exam.similarity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class WrongAnswerIndexTests {

    final WrongAnswerIndex index = new WrongAnswerIndex(0.25, 6, 1.0);

    /** Ten items whose key is "2"; {@code wrong} maps item numbers to the wrong answer given. */
    static WrongAnswerIndex.Sheet sheet(String owner, Map<Integer, String> wrong) {
        Map<String, String> answers = new HashMap<>();
        Map<String, Boolean> correct = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            String answer = wrong.getOrDefault(i, "2");
            answers.put("item-" + i, answer);
            correct.put("item-" + i, answer.equals("2"));
        }
        return new WrongAnswerIndex.Sheet("attempt-" + owner, owner, answers, correct);
    }

    static Map<Integer, String> sameWrong(int n, String answer) {
        Map<Integer, String> wrong = new HashMap<>();
        for (int i = 0; i < n; i++) {
            wrong.put(i, answer);
        }
        return wrong;
    }

    @Test
    void aPairSharingEightImprobableWrongAnswersIsFlaggedAndNoOtherPairIs() {
        List<WrongAnswerIndex.Sheet> cohort = List.of(sheet("a", sameWrong(8, "4")), sheet("b", sameWrong(8, "4")),
                sheet("c", Map.of(0, "1")), sheet("d", Map.of(1, "3", 2, "1")), sheet("e", Map.of()), sheet("f", Map.of(5, "3")),
                sheet("g", Map.of(0, "1", 9, "4")), sheet("h", Map.of()));
        assertThat(index.findings(cohort)).singleElement().satisfies(f -> {
            assertThat(f.first()).isEqualTo("attempt-a");
            assertThat(f.second()).isEqualTo("attempt-b");
            assertThat(f.score()).isEqualTo(8);
            assertThat(f.evidence()).containsEntry("differing", 0);
        });
    }

    @Test
    void aWrongAnswerMostOfTheCohortGaveIsNotImprobable() {
        List<WrongAnswerIndex.Sheet> cohort = List.of(sheet("a", sameWrong(8, "4")), sheet("b", sameWrong(8, "4")),
                sheet("c", sameWrong(8, "4")), sheet("d", sameWrong(8, "4")));
        assertThat(index.findings(cohort)).isEmpty();
    }

    @Test
    void fewCommonErrorsAmongManyDifferencesAreNotFlagged() {
        Map<Integer, String> b = sameWrong(6, "4");
        b.put(6, "1");
        b.put(7, "1");
        b.put(8, "1");
        Map<Integer, String> a = sameWrong(6, "4");
        a.put(6, "3");
        a.put(7, "3");
        a.put(8, "3");
        a.put(9, "3");
        List<WrongAnswerIndex.Sheet> cohort = List.of(sheet("a", a), sheet("b", b), sheet("c", Map.of()), sheet("d", Map.of()),
                sheet("e", Map.of()), sheet("f", Map.of()), sheet("g", Map.of()), sheet("h", Map.of()));
        // six identical errors against four differences: ratio 1.5, flagged; raise the ratio and it is not
        assertThat(index.findings(cohort)).hasSize(1);
        assertThat(new WrongAnswerIndex(0.25, 6, 2.0).findings(cohort)).isEmpty();
    }
}

package io.baeum.exam.similarity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baeum.exam.testing.Essays;

class TextSimilarityTests {

    final KoreanTokens tokens = new KoreanTokens();
    final TextSimilarity similarity = new TextSimilarity(tokens, 2, 20, 0.45);

    @Test
    void particlesAndEndingsAreNotContentTokens() {
        assertThat(tokens.of("캡슐화는 핵심 원리이다").stream().map(KoreanTokens.Token::term).toList())
                .isEqualTo(tokens.of("캡슐화가 핵심 원리입니다").stream().map(KoreanTokens.Token::term).toList());
    }

    @Test
    void aCopyWithReorderedSentencesAndChangedParticlesIsFlaggedAndIndependentAnswersAreNot() {
        List<TextSimilarity.Submission> cohort = new ArrayList<>();
        cohort.add(new TextSimilarity.Submission("a-original", "t1", Essays.ORIGINAL));
        cohort.add(new TextSimilarity.Submission("b-copied", "t2", Essays.COPIED));
        for (int i = 0; i < Essays.INDEPENDENT.size(); i++) {
            cohort.add(new TextSimilarity.Submission("c-" + i, "t" + (3 + i), Essays.INDEPENDENT.get(i)));
        }
        List<Finding> findings = similarity.findings(cohort);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.SIMILAR_TEXT);
            assertThat(List.of(f.first(), f.second())).containsExactly("a-original", "b-copied");
            assertThat(f.score()).isGreaterThan(0.6);
        });
        @SuppressWarnings("unchecked")
        List<Map<String, String>> passages = (List<Map<String, String>>) findings.getFirst().evidence().get("passages");
        assertThat(passages).isNotEmpty().allSatisfy(p -> assertThat(p.get("first")).isNotBlank());
        assertThat(passages).anySatisfy(p -> assertThat(p.get("second")).contains("잔액"));
    }

    @Test
    void independentAnswersOnTheSameTopicStayFarBelowTheThreshold() {
        for (int i = 0; i < Essays.INDEPENDENT.size(); i++) {
            TextFingerprint a = TextFingerprint.of(Essays.INDEPENDENT.get(i), tokens, 2);
            assertThat(a.jaccard(TextFingerprint.of(Essays.ORIGINAL, tokens, 2))).isLessThan(0.15);
            for (int j = i + 1; j < Essays.INDEPENDENT.size(); j++) {
                assertThat(a.jaccard(TextFingerprint.of(Essays.INDEPENDENT.get(j), tokens, 2))).isLessThan(0.15);
            }
        }
    }

    @Test
    void theMinHashEstimateIsCloseToTheExactJaccard() {
        TextFingerprint a = TextFingerprint.of(Essays.ORIGINAL, tokens, 2);
        TextFingerprint b = TextFingerprint.of(Essays.COPIED, tokens, 2);
        assertThat(Math.abs(a.estimate(b) - a.jaccard(b))).isLessThan(0.15);
    }

    @Test
    void theSameOwnerIsNeverPairedAndShortTextsAreNotCompared() {
        assertThat(similarity.findings(List.of(new TextSimilarity.Submission("a", "t1", Essays.ORIGINAL),
                new TextSimilarity.Submission("b", "t1", Essays.ORIGINAL)))).isEmpty();
        assertThat(similarity.findings(List.of(new TextSimilarity.Submission("a", "t1", "짧은 답"),
                new TextSimilarity.Submission("b", "t2", "짧은 답")))).isEmpty();
    }
}

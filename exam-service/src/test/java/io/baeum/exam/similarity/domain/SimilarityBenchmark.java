package io.baeum.exam.similarity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The copied-answer text check on a cohort of 300 essays of about 2,000 Korean characters (made from
 * a vocabulary so that answers share topic words, with five edited copies planted): wall time of
 * tokenising, fingerprinting and comparing every pair. Run: {@code -Pbench} (docs/benchmarks.md).
 */
class SimilarityBenchmark {

    static final String[] NOUNS = {"캡슐화", "객체", "클래스", "메서드", "필드", "상태", "인터페이스", "구현", "모듈", "데이터", "무결성", "결합도",
            "응집도", "상속", "다형성", "추상화", "설계", "원칙", "테스트", "유지보수", "변경", "책임", "협력", "메시지", "시스템", "사용자", "개발자",
            "코드", "버그", "규칙", "예외", "계좌", "잔액", "주문", "배송", "결제", "정보", "보안", "재사용", "복잡도", "프레임워크", "의존성", "주입",
            "컴포넌트", "서비스", "저장소", "트랜잭션", "성능", "확장", "품질"};
    static final String[] PARTICLES = {"은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "와", "과", "도", "만"};
    static final String[] VERBS = {"숨긴다", "보호한다", "변경한다", "검증한다", "분리한다", "결합한다", "설명한다", "강조한다", "줄인다", "높인다",
            "만든다", "사용한다", "정의한다", "관리한다", "제공한다", "유지한다", "개선한다", "확인한다", "적용한다", "표현한다"};

    static String essay(Random random, int chars) {
        StringBuilder text = new StringBuilder();
        while (text.length() < chars) {
            int words = 3 + random.nextInt(4);
            for (int w = 0; w < words; w++) {
                text.append(NOUNS[random.nextInt(NOUNS.length)]).append(PARTICLES[random.nextInt(PARTICLES.length)]).append(' ');
            }
            text.append(VERBS[random.nextInt(VERBS.length)]).append(". ");
        }
        return text.toString();
    }

    /** The same essay with its sentences reversed and every particle changed. */
    static String edited(String essay, Random random) {
        List<String> sentences = new ArrayList<>(List.of(essay.split("\\. ")));
        java.util.Collections.reverse(sentences);
        String joined = String.join(". ", sentences);
        for (String p : new String[] {"은 ", "을 ", "이 "}) {
            joined = joined.replace(p, PARTICLES[random.nextInt(3) + 1] + " ");
        }
        return joined;
    }

    @Test
    void threeHundredEssaysOfTwoThousandCharacters() {
        Random random = new Random(42);
        List<TextSimilarity.Submission> cohort = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String text = i >= 295 ? edited(cohort.get(i - 295).text(), random) : essay(random, 2000);
            cohort.add(new TextSimilarity.Submission("s" + i, "t" + i, text));
        }
        KoreanTokens tokens = new KoreanTokens();
        TextSimilarity similarity = new TextSimilarity(tokens, 2, 20, 0.45);
        similarity.findings(cohort.subList(0, 20)); // load the dictionary and warm up
        for (int run = 1; run <= 3; run++) {
            long cpuBefore = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long start = System.nanoTime();
            List<Finding> findings = similarity.findings(cohort);
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            long cpuMs = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBefore) / 1_000_000;
            System.out.printf("similarity run %d: 300 essays (avg %d chars), %d pairs, %d flagged, wall %d ms, cpu %d ms%n", run,
                    cohort.stream().mapToInt(s -> s.text().length()).sum() / cohort.size(), 300 * 299 / 2, findings.size(), wallMs, cpuMs);
        }
    }
}

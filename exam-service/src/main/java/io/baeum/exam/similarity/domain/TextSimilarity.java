package io.baeum.exam.similarity.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Near-identical texts across a cohort: Korean content tokens → k-token shingles → MinHash → exact
 * Jaccard for candidates. Reordered sentences and changed particles keep most shingles, so a copy
 * edited that way stays above the threshold while independent answers on the same topic stay far
 * below it. Pairs of the same owner are never compared.
 */
public final class TextSimilarity {

    /** One text to compare: whose it is and what it says. */
    public record Submission(String id, String owner, String text) {
    }

    private static final int MAX_PASSAGES = 5;
    private static final double CANDIDATE_MARGIN = 0.15;

    private final KoreanTokens tokenizer;
    private final int shingleSize;
    private final int minTokens;
    private final double threshold;

    public TextSimilarity(KoreanTokens tokenizer, int shingleSize, int minTokens, double threshold) {
        this.tokenizer = tokenizer;
        this.shingleSize = shingleSize;
        this.minTokens = minTokens;
        this.threshold = threshold;
    }

    public List<Finding> findings(List<Submission> submissions) {
        List<TextFingerprint> prints = submissions.stream()
                .map(s -> TextFingerprint.of(s.text(), tokenizer, shingleSize)).toList();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (prints.get(i).tokenCount() < minTokens) {
                continue;
            }
            for (int j = i + 1; j < submissions.size(); j++) {
                Submission a = submissions.get(i);
                Submission b = submissions.get(j);
                if (a.owner().equals(b.owner()) || prints.get(j).tokenCount() < minTokens
                        || prints.get(i).estimate(prints.get(j)) < threshold - CANDIDATE_MARGIN) {
                    continue;
                }
                double jaccard = prints.get(i).jaccard(prints.get(j));
                if (jaccard >= threshold) {
                    Map<String, Object> evidence = new LinkedHashMap<>();
                    evidence.put("jaccard", Math.round(jaccard * 10_000) / 10_000.0);
                    evidence.put("passages", passages(prints.get(i), prints.get(j)));
                    findings.add(new Finding(Finding.Kind.SIMILAR_TEXT, a.id(), b.id(), jaccard, evidence));
                }
            }
        }
        return findings;
    }

    /**
     * The longest aligned passages: runs of consecutive shingles that follow each other in both texts,
     * each shown as the matching text of either side (side by side), longest first.
     */
    List<Map<String, String>> passages(TextFingerprint a, TextFingerprint b) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (a.shingleAt(i) != null) {
            Integer j = b.firstTokenOf(a.shingleAt(i));
            if (j == null) {
                i++;
                continue;
            }
            int length = 1;
            while (a.shingleAt(i + length) != null && a.shingleAt(i + length).equals(b.shingleAt(j + length))) {
                length++;
            }
            runs.add(new int[] {i, j, length});
            i += length;
        }
        List<Map<String, String>> passages = new ArrayList<>();
        runs.stream().sorted(Comparator.comparingInt((int[] r) -> r[2]).reversed()).limit(MAX_PASSAGES)
                .forEach(r -> passages.add(Map.of(
                        "first", excerpt(a, r[0], r[0] + r[2] + shingleSize - 2),
                        "second", excerpt(b, r[1], r[1] + r[2] + shingleSize - 2))));
        return passages;
    }

    private static String excerpt(TextFingerprint print, int fromToken, int toToken) {
        List<KoreanTokens.Token> tokens = print.tokens();
        int from = tokens.get(Math.max(0, fromToken)).start();
        int to = tokens.get(Math.min(tokens.size() - 1, Math.max(fromToken, toToken))).end();
        String text = print.text();
        // widen to whole words so the excerpt reads naturally
        while (from > 0 && !Character.isWhitespace(text.charAt(from - 1))) {
            from--;
        }
        while (to < text.length() && !Character.isWhitespace(text.charAt(to)) && text.charAt(to) != '.') {
            to++;
        }
        return text.substring(from, Math.min(text.length(), to));
    }
}

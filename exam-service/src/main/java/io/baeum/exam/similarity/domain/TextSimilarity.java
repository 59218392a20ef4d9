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

    /** The longest runs of shared shingles, as the matching text of each side (side by side). */
    List<Map<String, String>> passages(TextFingerprint a, TextFingerprint b) {
        List<int[]> runsA = runs(a, b);
        List<Map<String, String>> passages = new ArrayList<>();
        runsA.stream().sorted(Comparator.comparingInt((int[] r) -> r[1] - r[0]).reversed()).limit(MAX_PASSAGES)
                .forEach(run -> {
                    String left = excerpt(a, run[0], run[1]);
                    int[] inB = locate(a, b, run[0]);
                    String right = inB == null ? "" : excerpt(b, inB[0], Math.min(b.tokens().size() - 1, inB[0] + (run[1] - run[0])));
                    passages.add(Map.of("first", left, "second", right));
                });
        return passages;
    }

    /** Token ranges of {@code a} covered by shingles {@code b} also has. */
    private List<int[]> runs(TextFingerprint a, TextFingerprint b) {
        boolean[] covered = new boolean[a.tokens().size()];
        for (long shingle : a.common(b)) {
            Integer first = a.firstTokenOf(shingle);
            for (int t = first; t < Math.min(covered.length, first + shingleSize); t++) {
                covered[t] = true;
            }
        }
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int t = 0; t <= covered.length; t++) {
            boolean on = t < covered.length && covered[t];
            if (on && start < 0) {
                start = t;
            } else if (!on && start >= 0) {
                runs.add(new int[] {start, t - 1});
                start = -1;
            }
        }
        return runs;
    }

    /** Where the shingle starting at token {@code tokenInA} of {@code a} first occurs in {@code b}. */
    private static int[] locate(TextFingerprint a, TextFingerprint b, int tokenInA) {
        Long shingle = a.shingleAt(tokenInA);
        Integer inB = shingle == null ? null : b.firstTokenOf(shingle);
        return inB == null ? null : new int[] {inB};
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

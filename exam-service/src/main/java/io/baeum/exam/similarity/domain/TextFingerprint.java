package io.baeum.exam.similarity.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A text reduced for comparison: the set of its token shingles (k consecutive content tokens, hashed
 * to 64 bits), where each shingle first occurs, and a MinHash signature of the set. The signature
 * estimates the Jaccard similarity of two sets in constant time; the exact sets confirm it.
 */
public final class TextFingerprint {

    static final int SIGNATURE_SIZE = 128;
    private static final long[] SEEDS = seeds();

    private final String text;
    private final List<KoreanTokens.Token> tokens;
    private final long[] shingles;
    private final Map<Long, Integer> firstToken;
    private final long[] signature;
    private final long[] shingleAt;

    private TextFingerprint(String text, List<KoreanTokens.Token> tokens, int k) {
        this.text = text;
        this.tokens = tokens;
        this.firstToken = new HashMap<>();
        this.shingleAt = new long[Math.max(0, tokens.size() - k + 1)];
        for (int i = 0; i + k <= tokens.size(); i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = i; j < i + k; j++) {
                h = mix(h ^ tokens.get(j).term().hashCode() * 0xC2B2AE3D27D4EB4FL);
            }
            shingleAt[i] = h;
            firstToken.putIfAbsent(h, i);
        }
        this.shingles = firstToken.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        this.signature = new long[SIGNATURE_SIZE];
        Arrays.fill(signature, Long.MAX_VALUE);
        for (long shingle : shingles) {
            for (int s = 0; s < SIGNATURE_SIZE; s++) {
                long v = mix(shingle ^ SEEDS[s]);
                if (v < signature[s]) {
                    signature[s] = v;
                }
            }
        }
    }

    public static TextFingerprint of(String text, KoreanTokens tokenizer, int shingleSize) {
        return new TextFingerprint(text, tokenizer.of(text), shingleSize);
    }

    public int tokenCount() {
        return tokens.size();
    }

    public String text() {
        return text;
    }

    List<KoreanTokens.Token> tokens() {
        return tokens;
    }

    long[] shingles() {
        return shingles;
    }

    /** The shingle starting at token {@code i}, if one does. */
    Long shingleAt(int i) {
        return i < shingleAt.length ? shingleAt[i] : null;
    }

    Integer firstTokenOf(long shingle) {
        return firstToken.get(shingle);
    }

    /** MinHash estimate of the Jaccard similarity of the two shingle sets. */
    public double estimate(TextFingerprint other) {
        int same = 0;
        for (int s = 0; s < SIGNATURE_SIZE; s++) {
            if (signature[s] == other.signature[s]) {
                same++;
            }
        }
        return (double) same / SIGNATURE_SIZE;
    }

    /** The exact Jaccard similarity of the two shingle sets (both sorted: a merge). */
    public double jaccard(TextFingerprint other) {
        long[] a = shingles;
        long[] b = other.shingles;
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /** The shingles both texts contain. */
    long[] common(TextFingerprint other) {
        return Arrays.stream(shingles).filter(s -> Arrays.binarySearch(other.shingles, s) >= 0).toArray();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long[] seeds() {
        long[] seeds = new long[SIGNATURE_SIZE];
        long x = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < SIGNATURE_SIZE; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            seeds[i] = x;
        }
        return seeds;
    }
}

package io.baeum.rag.text;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.Set;

/**
 * The evaluation-fingerprint contract shared with exam-service (docs/rag.md, "EvaluationItemsFingerprinted"):
 * the text is {@linkplain Normalized#compact compacted} (NFKC, lower case, letters and digits only, so
 * spacing and punctuation do not matter), cut into overlapping character shingles of {@value #SIZE}
 * code points, and each shingle hashed to the first 8 bytes of its UTF-8 SHA-256, read as a signed
 * big-endian long. Text shorter than a shingle is one shingle.
 */
public final class Shingles {

    public static final int SIZE = 5;

    private Shingles() {
    }

    public static Set<Long> of(String text) {
        String compact = Normalized.compact(text);
        int[] cps = compact.codePoints().toArray();
        Set<Long> out = new HashSet<>();
        if (cps.length == 0) {
            return out;
        }
        if (cps.length < SIZE) {
            out.add(hash(compact));
            return out;
        }
        for (int i = 0; i + SIZE <= cps.length; i++) {
            out.add(hash(new String(cps, i, SIZE)));
        }
        return out;
    }

    public static long hash(String shingle) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shingle.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

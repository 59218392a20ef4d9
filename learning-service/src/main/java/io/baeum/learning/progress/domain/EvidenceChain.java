package io.baeum.learning.progress.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain of an enrollment's evidence: each row's hash is SHA-256 over the previous row's hash
 * and the row's canonical text, so removing, reordering or editing a row breaks every hash after it.
 * The first row's previous hash is 32 zero bytes.
 */
public final class EvidenceChain {

    public static final byte[] GENESIS = new byte[32];

    private EvidenceChain() {
    }

    /** The canonical text of a row: fields in a fixed order, detail keys sorted. */
    public static String canonical(long seq, BatchPlan.EvidenceItem item) {
        StringBuilder text = new StringBuilder();
        text.append(seq).append('|').append(item.enrollmentId()).append('|').append(item.eventId()).append('|')
                .append(item.lessonId()).append('|').append(item.accountId()).append('|').append(item.sessionId()).append('|')
                .append(item.kind()).append('|').append(item.occurredAtMs());
        new TreeMap<>(item.detail()).forEach((k, v) -> text.append('|').append(k).append('=').append(v));
        return text.toString();
    }

    public static byte[] next(byte[] previous, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Canonical text of a stored detail map read back from JSON (numbers as text). */
    public static Map<String, Object> sorted(Map<String, Object> detail) {
        return new TreeMap<>(detail);
    }
}

package io.baeum.learning.testing;

import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.baeum.contract.progress.ProgressBatch;
import io.baeum.contract.progress.ProgressBatchV1Codec;
import io.baeum.contract.progress.ProgressEnvelopeCodec;
import io.baeum.contract.progress.ProgressEnvelopeLimits;
import io.baeum.contract.progress.ProgressEvent;
import io.baeum.contract.progress.ProgressEventKind;
import io.baeum.contract.progress.ProgressKey;
import io.baeum.contract.progress.ProgressKeyRing;

/** Progress events and sealed batches exactly as heartbeat-service produces them. */
public final class ProgressEvents {

    /** The test key learning-service's test configuration accepts as current. */
    public static final ProgressKey CURRENT = ProgressKey.fromBase64("test-current", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    /** A key no consumer knows. */
    public static final ProgressKey UNKNOWN = ProgressKey.fromBase64("test-unknown", "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=");

    private static final ProgressBatchV1Codec PAYLOADS = new ProgressBatchV1Codec();

    private final String accountId;
    private final UUID enrollmentId;
    private final UUID lessonId;
    private final String sessionId = "pbs-" + UUID.randomUUID();

    public ProgressEvents(String accountId, UUID enrollmentId, UUID lessonId) {
        this.accountId = accountId;
        this.enrollmentId = enrollmentId;
        this.lessonId = lessonId;
    }

    public ProgressEvent watched(long at, int from, int to) {
        return event(at, new ProgressEventKind.WatchCredited(from, to, (to - from) * 1000L, to));
    }

    public ProgressEvent refused(long at, String reason, int position) {
        return event(at, new ProgressEventKind.CreditRefused(reason, position, 10_000));
    }

    public ProgressEvent challenge(long at, String id) {
        return event(at, new ProgressEventKind.ChallengeResolved(id, ProgressEventKind.ChallengeKind.PRESENCE_CODE,
                ProgressEventKind.ChallengeOutcome.PASSED));
    }

    public ProgressEvent started(long at) {
        return event(at, new ProgressEventKind.SessionStarted("203.0.113.7", new byte[] {1, 2, 3}, "JUnit"));
    }

    public ProgressEvent ended(long at, int position) {
        return event(at, new ProgressEventKind.SessionEnded("ENDED", position));
    }

    public ProgressEvent event(long at, ProgressEventKind kind) {
        return new ProgressEvent(UUID.randomUUID(), at, accountId, enrollmentId.toString(), lessonId.toString(), sessionId, kind);
    }

    public static ProgressBatch batch(List<ProgressEvent> events) {
        return new ProgressBatch("heartbeat-test", System.currentTimeMillis(), UUID.randomUUID(), events);
    }

    public static String seal(List<ProgressEvent> events) {
        return seal(CURRENT, events);
    }

    public static String seal(ProgressKey key, List<ProgressEvent> events) {
        try (ProgressEnvelopeCodec codec = new ProgressEnvelopeCodec(ProgressKeyRing.of(key), ProgressEnvelopeLimits.defaults())) {
            return codec.seal(PAYLOADS, batch(events));
        }
    }

    /** The envelope with one byte of its MAC flipped. */
    public static String tampered(String body) {
        byte[] bytes = Base64.getDecoder().decode(body);
        bytes[bytes.length - 1] ^= 0x01;
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The envelope cut in the middle of its header. */
    public static String truncated(String body) {
        byte[] bytes = Base64.getDecoder().decode(body);
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(bytes, 12));
    }
}

package io.baeum.learning.proxystudy.domain;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A playback session as the evidence shows it: its start (address, device) or its end (reason).
 *
 * @param kind       {@code SESSION_STARTED} or {@code SESSION_ENDED}
 * @param clientIp   the address at the start (null for an end)
 * @param deviceHash the device fingerprint hash at the start (null for an end)
 * @param endReason  why it ended, e.g. {@code CONCURRENT_SESSION} (null for a start)
 * @param employer   the employer recorded for the enrollment, if any
 */
public record SessionSighting(String kind, UUID enrollmentId, String accountId, String sessionId, Instant at,
                              @Nullable String clientIp, @Nullable String deviceHash, @Nullable String endReason,
                              @Nullable String employer) {

    public static final String STARTED = "SESSION_STARTED";
    public static final String ENDED = "SESSION_ENDED";

    boolean started() {
        return STARTED.equals(kind);
    }

    /** Trainees of one employer count as one party; a trainee without a recorded employer is a party alone. */
    String party() {
        return employer != null ? "employer:" + employer : "account:" + accountId;
    }
}

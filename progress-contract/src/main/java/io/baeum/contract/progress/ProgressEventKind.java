package io.baeum.contract.progress;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link ProgressEvent} says happened. Exactly one kind per event; the consumer switches over
 * this sealed interface, so adding a kind is a compile error everywhere it matters (and a new payload
 * version on the wire).
 */
public sealed interface ProgressEventKind {

    /**
     * Media was watched and real study time credited.
     *
     * @param fromSecond     start of the credited media interval, inclusive
     * @param toSecond       end of the credited media interval, exclusive; greater than {@code fromSecond}
     * @param creditedMillis real study time credited (time mode), milliseconds
     * @param positionSecond the playback position when it was credited
     */
    record WatchCredited(int fromSecond, int toSecond, long creditedMillis, int positionSecond)
            implements ProgressEventKind {

        public WatchCredited {
            ProgressEvent.requireNonNegative("fromSecond", fromSecond);
            if (toSecond <= fromSecond) {
                throw new IllegalArgumentException("toSecond must be greater than fromSecond (half-open interval)");
            }
            ProgressEvent.requireNonNegative("creditedMillis", creditedMillis);
            ProgressEvent.requireNonNegative("positionSecond", positionSecond);
        }
    }

    /**
     * Time was not credited.
     *
     * @param reasonCode     why, e.g. {@code SEEK_AHEAD}, {@code RATE_TOO_HIGH}, {@code HIDDEN}, {@code GAP},
     *                       {@code CUE_PENDING}, {@code IDENTITY_PENDING}, {@code OUTSIDE_STUDY_PERIOD},
     *                       {@code DAILY_CAP}; an open set, 1..64 characters
     * @param positionSecond the playback position
     * @param refusedMillis  the study time that was not credited, milliseconds
     */
    record CreditRefused(String reasonCode, int positionSecond, long refusedMillis) implements ProgressEventKind {

        /** Upper bound on reason codes. */
        public static final int MAX_REASON_LENGTH = 64;

        public CreditRefused {
            ProgressEvent.requireText("reasonCode", reasonCode, MAX_REASON_LENGTH);
            ProgressEvent.requireNonNegative("positionSecond", positionSecond);
            ProgressEvent.requireNonNegative("refusedMillis", refusedMillis);
        }
    }

    /**
     * A challenge shown during playback was resolved.
     *
     * @param challengeId the challenge, 1..128 characters
     * @param kind        what kind of challenge
     * @param outcome     how it ended
     */
    record ChallengeResolved(String challengeId, ChallengeKind kind, ChallengeOutcome outcome)
            implements ProgressEventKind {

        public ChallengeResolved {
            ProgressEvent.requireText("challengeId", challengeId, ProgressEvent.MAX_ID_LENGTH);
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * A playback session started.
     *
     * @param clientIp              the client address as the gateway saw it, 1..64 characters (personal data)
     * @param deviceFingerprintHash a hash of the device fingerprint, 1..64 bytes (copied)
     * @param userAgent             the user agent, at most 512 characters, or {@code null} when unknown
     */
    record SessionStarted(String clientIp, byte[] deviceFingerprintHash, @Nullable String userAgent)
            implements ProgressEventKind {

        /** Upper bound on the client IP text (an IPv6 address with zone fits). */
        public static final int MAX_CLIENT_IP_LENGTH = 64;

        /** Upper bound on the fingerprint hash. */
        public static final int MAX_FINGERPRINT_BYTES = 64;

        /** Upper bound on the user agent; producers truncate longer ones. */
        public static final int MAX_USER_AGENT_LENGTH = 512;

        public SessionStarted {
            ProgressEvent.requireText("clientIp", clientIp, MAX_CLIENT_IP_LENGTH);
            Objects.requireNonNull(deviceFingerprintHash, "deviceFingerprintHash");
            if (deviceFingerprintHash.length == 0 || deviceFingerprintHash.length > MAX_FINGERPRINT_BYTES) {
                throw new IllegalArgumentException("deviceFingerprintHash must have 1.." + MAX_FINGERPRINT_BYTES + " bytes");
            }
            deviceFingerprintHash = deviceFingerprintHash.clone();
            if (userAgent != null && userAgent.length() > MAX_USER_AGENT_LENGTH) {
                throw new IllegalArgumentException("userAgent must have at most " + MAX_USER_AGENT_LENGTH + " characters");
            }
        }

        /**
         * @return a copy of the fingerprint hash
         */
        @Override
        public byte[] deviceFingerprintHash() {
            return deviceFingerprintHash.clone();
        }

        byte[] fingerprintHashUnsafe() {
            return deviceFingerprintHash;
        }

        // Arrays need content equality; the record default compares references.
        @Override
        public boolean equals(Object other) {
            return other instanceof SessionStarted that
                    && clientIp.equals(that.clientIp)
                    && Arrays.equals(deviceFingerprintHash, that.deviceFingerprintHash)
                    && Objects.equals(userAgent, that.userAgent);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientIp, Arrays.hashCode(deviceFingerprintHash), userAgent);
        }

        @Override
        public String toString() {
            return "SessionStarted[clientIp=" + clientIp + ", deviceFingerprintHash="
                    + HexFormat.of().formatHex(deviceFingerprintHash) + ", userAgent=" + userAgent + "]";
        }
    }

    /**
     * A playback session ended.
     *
     * @param reason         why, e.g. {@code ENDED}, {@code CONCURRENT_SESSION}, {@code TIMEOUT}; an open set, 1..64 characters
     * @param positionSecond the last playback position
     */
    record SessionEnded(String reason, int positionSecond) implements ProgressEventKind {

        /** Upper bound on reasons. */
        public static final int MAX_REASON_LENGTH = 64;

        public SessionEnded {
            ProgressEvent.requireText("reason", reason, MAX_REASON_LENGTH);
            ProgressEvent.requireNonNegative("positionSecond", positionSecond);
        }
    }

    /** The kinds of challenge; wire numbers are fixed in {@code docs/wire-format.md}. */
    enum ChallengeKind {
        /** Type the code shown on screen. */
        PRESENCE_CODE(1),
        /** Re-verify identity. */
        STEP_UP(2),
        /** Answer a quiz at a cue point. */
        CUE_QUIZ(3);

        private final int wireNumber;

        ChallengeKind(int wireNumber) {
            this.wireNumber = wireNumber;
        }

        int wireNumber() {
            return wireNumber;
        }
    }

    /** How a challenge ended; wire numbers are fixed in {@code docs/wire-format.md}. */
    enum ChallengeOutcome {
        /** Answered correctly. */
        PASSED(1),
        /** Answered wrongly. */
        FAILED(2),
        /** Not answered in time. */
        EXPIRED(3);

        private final int wireNumber;

        ChallengeOutcome(int wireNumber) {
            this.wireNumber = wireNumber;
        }

        int wireNumber() {
            return wireNumber;
        }
    }
}

package io.baeum.heartbeat.playback.domain;

/**
 * Tunables of the judge that are not HRD policy (those come with the grant).
 *
 * @param rateTolerance        relative slack on "media moved ≤ server time × max rate" (network jitter), e.g. 0.05
 * @param seekSlackSeconds     motion beyond the allowance by more than this is a jump, not jitter
 * @param positionSlackSeconds how far past the video's end a position may be reported
 * @param maxSequenceJump      how far ahead of the last accepted sequence number a beat may be
 */
public record JudgeSettings(double rateTolerance, double seekSlackSeconds, double positionSlackSeconds,
                            long maxSequenceJump) {

    public JudgeSettings {
        if (rateTolerance < 0 || rateTolerance > 0.5) {
            throw new IllegalArgumentException("rateTolerance must be within [0, 0.5]");
        }
        if (seekSlackSeconds < 0 || positionSlackSeconds < 0 || maxSequenceJump < 1) {
            throw new IllegalArgumentException("slacks must not be negative, maxSequenceJump positive");
        }
    }

    public static JudgeSettings defaults() {
        return new JudgeSettings(0.05, 1.0, 2.0, 1000);
    }
}

package io.baeum.heartbeat.playback.domain;

import java.util.Objects;

/**
 * One heartbeat as the player sent it. Client time is kept as evidence only: every judgement uses
 * server time.
 *
 * @param sequence        the player's counter, increasing per session; repeated or older numbers change nothing
 * @param positionSeconds media position
 * @param playbackRate    playback rate (1.0 = normal speed)
 * @param state           player state
 * @param visibility      page visibility
 * @param cause           what caused the beat
 * @param clientTimeMs    the player's clock, epoch milliseconds (evidence only)
 */
public record Beat(long sequence, double positionSeconds, double playbackRate, PlayerState state,
                   Visibility visibility, BeatCause cause, long clientTimeMs) {

    /** Rates above this are absurd whatever the policy (browsers cap at 16). */
    public static final double MAX_RATE = 16.0;

    public Beat {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        if (!Double.isFinite(positionSeconds) || positionSeconds < 0) {
            throw new IllegalArgumentException("position must be a non-negative number");
        }
        if (!Double.isFinite(playbackRate) || playbackRate <= 0 || playbackRate > MAX_RATE) {
            throw new IllegalArgumentException("rate must be within (0, 16]");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(visibility, "visibility");
        Objects.requireNonNull(cause, "cause");
    }

    boolean playingVisibly() {
        return state == PlayerState.PLAYING && visibility == Visibility.VISIBLE;
    }
}

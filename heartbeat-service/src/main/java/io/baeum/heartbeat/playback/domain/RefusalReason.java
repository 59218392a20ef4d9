package io.baeum.heartbeat.playback.domain;

/**
 * Why the time between two beats earned (part of) nothing. {@link #evidence()} reasons are recorded as
 * {@code CreditRefused} progress events; the others are ordinary player behaviour (pausing, seeking back)
 * and only answered to the player.
 */
public enum RefusalReason {
    /** The player was paused, buffering or ended. */
    NOT_PLAYING(false),
    /** The page was hidden (tab or window left). */
    HIDDEN(true),
    /** Played faster than the policy's maximum rate. */
    RATE_TOO_HIGH(true),
    /** Jumped forward (past the furthest watched point, or further than time allows). */
    SEEK_AHEAD(true),
    /** Jumped back or within what was watched: a new segment starts, the jump itself earns nothing. */
    SEEKED(false),
    /** More than twice the beat interval passed since the last beat: the gap earns nothing. */
    GAP(true),
    /** Past a cue point whose quiz is not passed. */
    CUE_PENDING(true),
    /** An identity check is pending. */
    IDENTITY_PENDING(true),
    /** Today (Asia/Seoul) is outside the cohort's study period. */
    OUTSIDE_STUDY_PERIOD(true),
    /** The daily lesson cap is reached and this lesson was not yet studied today. */
    DAILY_CAP(true),
    /** Time mode: the lesson's recognised study time is fully credited; replay adds nothing. */
    RECOGNISED_TIME_REACHED(true),
    /** Media moved further than the server time that passed allows at the maximum rate: the excess earns nothing. */
    TOO_FAST(true);

    private final boolean evidence;

    RefusalReason(boolean evidence) {
        this.evidence = evidence;
    }

    /** Whether a refusal for this reason is recorded as a progress event. */
    public boolean evidence() {
        return evidence;
    }
}

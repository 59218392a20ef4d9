package io.baeum.heartbeat.playback.domain;

/** A request the judge will not apply at all: nothing changes, the caller gets a 4xx with {@link #code()}. */
public final class PlaybackRefusedException extends RuntimeException {

    private final Code code;

    public PlaybackRefusedException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    /** Why. */
    public enum Code {
        SEQUENCE_TOO_FAR_AHEAD,
        POSITION_BEYOND_VIDEO,
        SESSION_NOT_ACTIVE,
        CHALLENGE_NOT_PENDING,
        WRONG_CHALLENGE_KIND,
        STEP_UP_NOT_DONE,
        UNKNOWN_CUE
    }
}

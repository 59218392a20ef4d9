package io.baeum.heartbeat.playback.domain;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A pending identity check. Nothing is credited while one is pending.
 *
 * @param id         challenge id
 * @param kind       a presence code to type back, or a step-up verification at auth-service
 * @param code       the presence code shown to the trainee ({@code null} for step-up)
 * @param issuedAtMs server time it was issued
 */
public record Challenge(String id, Kind kind, @Nullable String code, long issuedAtMs) {

    public Challenge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /** The kinds of identity check. */
    public enum Kind {
        PRESENCE_CODE, STEP_UP
    }
}

package io.baeum.heartbeat.playback.domain;

/**
 * What made the player send a beat. A {@link #TICK} describes the interval it closes (the player's
 * state held throughout); every other cause reports a transition at that instant, so the interval it
 * closes is judged by the previous beat's state alone.
 */
public enum BeatCause {
    TICK, PLAY, PAUSE, SEEK, RATECHANGE, VISIBILITYCHANGE, ENDED
}

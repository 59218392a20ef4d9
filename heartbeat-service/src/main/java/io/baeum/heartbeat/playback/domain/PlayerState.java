package io.baeum.heartbeat.playback.domain;

/** What the player reports it is doing. Only {@link #PLAYING} can earn credit. */
public enum PlayerState {
    PLAYING, PAUSED, ENDED, BUFFERING
}

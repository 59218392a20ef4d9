package io.baeum.heartbeat.playback.domain;

/** Whether the player's page is visible (Page Visibility API). Hidden time never earns credit. */
public enum Visibility {
    VISIBLE, HIDDEN
}

package io.baeum.learning.proxystudy.domain;

/** What a proxy-study flag says. */
public enum FlagKind {
    /** Trainees of two or more employers studied from one address within the window. */
    SHARED_IP,
    /** One account played on a second device while a first session was open (heartbeat ended the first). */
    TWO_DEVICES
}

package io.baeum.heartbeat.playback.domain;

/** What the player must do next. Every beat is answered with at least one. */
public sealed interface Directive {

    /** Go on playing. */
    record Continue() implements Directive {
    }

    /** Pause and show the identity check; credit resumes once it is answered. */
    record PauseForIdentityCheck(Challenge challenge) implements Directive {
    }

    /** Pause at the cue and show its quiz (answered at learning-service, which issues a cue pass). */
    record ShowQuiz(String cueId, int atSecond) implements Directive {
    }

    /** Seek back to this second (the furthest point watched, under the watched-only seek rule). */
    record SeekBack(int positionSecond) implements Directive {
    }

    /** Lower the playback rate to at most this. */
    record LimitRate(double maxRate) implements Directive {
    }

    /** The session is over; stop sending beats. */
    record Terminated(String reason) implements Directive {
    }
}

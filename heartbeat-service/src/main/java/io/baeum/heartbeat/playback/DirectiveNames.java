package io.baeum.heartbeat.playback;

import io.baeum.heartbeat.playback.domain.Directive;

/** The wire names of directives. */
public final class DirectiveNames {

    private DirectiveNames() {
    }

    public static String of(Directive directive) {
        return switch (directive) {
            case Directive.Continue c -> "CONTINUE";
            case Directive.PauseForIdentityCheck p -> "PAUSE_FOR_IDENTITY_CHECK";
            case Directive.ShowQuiz q -> "SHOW_QUIZ";
            case Directive.SeekBack s -> "SEEK_BACK";
            case Directive.LimitRate l -> "LIMIT_RATE";
            case Directive.Terminated t -> "TERMINATED";
        };
    }
}

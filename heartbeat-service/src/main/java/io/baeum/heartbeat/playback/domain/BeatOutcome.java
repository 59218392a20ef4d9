package io.baeum.heartbeat.playback.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.baeum.contract.progress.ProgressEventKind;

/**
 * What the judge decided about one beat (or other session change).
 *
 * @param session          the session after the change (the same instance when nothing changed)
 * @param changed          whether anything must be stored
 * @param creditedSeconds  media seconds newly credited (coverage)
 * @param creditedMillis   study time newly credited
 * @param refusal          why (some of) the time earned nothing, or {@code null}
 * @param directives       what the player must do, never empty
 * @param facts            progress facts to emit, in order
 * @param countLessonToday whether this lesson now counts against today's cap
 */
public record BeatOutcome(PlaybackSession session, boolean changed, int creditedSeconds, long creditedMillis,
                          @Nullable RefusalReason refusal, List<Directive> directives, List<ProgressEventKind> facts,
                          boolean countLessonToday) {

    public BeatOutcome {
        directives = List.copyOf(directives);
        facts = List.copyOf(facts);
    }

    static BeatOutcome unchanged(PlaybackSession session, List<Directive> directives) {
        return new BeatOutcome(session, false, 0, 0, null, directives, List.of(), false);
    }
}

package io.baeum.heartbeat.playback.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.baeum.contract.progress.ProgressEventKind;
import io.baeum.testing.MutableClock;

/** Drives the judge like a player would: beats with increasing sequence numbers while the clock moves. */
final class ScriptedPlayer {

    final HeartbeatJudge judge;
    final MutableClock clock;
    PlaybackSession session;
    DailyLedger ledger = new DailyLedger(0, false);
    long sequence;
    double position;
    double rate = 1.0;
    final List<ProgressEventKind> facts = new ArrayList<>();
    BeatOutcome last;

    ScriptedPlayer(HeartbeatJudge judge, MutableClock clock, BeatOutcome opened) {
        this.judge = judge;
        this.clock = clock;
        this.session = opened.session();
        this.position = session.lastPosition();
        facts.addAll(opened.facts());
    }

    BeatOutcome beat(PlayerState state, Visibility visibility, BeatCause cause) {
        return apply(new Beat(++sequence, position, rate, state, visibility, cause, clock.millis()));
    }

    BeatOutcome apply(Beat beat) {
        last = judge.judge(session, beat, ledger);
        session = last.session();
        facts.addAll(last.facts());
        return last;
    }

    BeatOutcome play() {
        return beat(PlayerState.PLAYING, Visibility.VISIBLE, BeatCause.PLAY);
    }

    /** Plays visibly at the current rate for {@code seconds}, one tick every {@code every} seconds. */
    int watch(int seconds, int every) {
        int credited = 0;
        for (int t = 0; t < seconds; t += every) {
            clock.advance(Duration.ofSeconds(every));
            position += every * rate;
            credited += beat(PlayerState.PLAYING, Visibility.VISIBLE, BeatCause.TICK).creditedSeconds();
        }
        return credited;
    }

    BeatOutcome seekTo(double target) {
        position = target;
        return beat(PlayerState.PLAYING, Visibility.VISIBLE, BeatCause.SEEK);
    }

    List<ProgressEventKind.WatchCredited> credits() {
        return facts.stream().filter(ProgressEventKind.WatchCredited.class::isInstance)
                .map(ProgressEventKind.WatchCredited.class::cast).toList();
    }

    List<String> refusals() {
        return facts.stream().filter(ProgressEventKind.CreditRefused.class::isInstance)
                .map(f -> ((ProgressEventKind.CreditRefused) f).reasonCode()).toList();
    }
}

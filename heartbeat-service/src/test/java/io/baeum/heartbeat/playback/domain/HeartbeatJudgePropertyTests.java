package io.baeum.heartbeat.playback.domain;

import static io.baeum.heartbeat.support.PlaybackGrants.aGrant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import io.baeum.contract.playback.PlaybackGrant;
import io.baeum.contract.progress.ProgressEventKind.WatchCredited;
import io.baeum.testing.MutableClock;
import io.baeum.heartbeat.support.PlaybackGrants;

/** Properties of the judge over arbitrary beat sequences, honest or not. */
class HeartbeatJudgePropertyTests {

    /** One step of an arbitrary player: wait, then report a position, rate, state, visibility and cause. */
    record Step(int waitMs, double move, int mode, double rate, PlayerState state, Visibility visibility,
                BeatCause cause) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(9_000, 11_000)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 25_000))),
                Arbitraries.doubles().between(-30, 60).ofScale(2),
                Arbitraries.of(0, 0, 0, 1, 1, 2),
                Arbitraries.of(0.5, 1.0, 1.0, 1.25, 1.5, 2.0, 4.0),
                Arbitraries.of(PlayerState.PLAYING, PlayerState.PLAYING, PlayerState.PLAYING, PlayerState.PLAYING, PlayerState.PLAYING, PlayerState.PAUSED,
                        PlayerState.BUFFERING, PlayerState.ENDED),
                Arbitraries.of(Visibility.VISIBLE, Visibility.VISIBLE, Visibility.VISIBLE, Visibility.VISIBLE, Visibility.VISIBLE, Visibility.HIDDEN),
                Arbitraries.of(BeatCause.TICK, BeatCause.TICK, BeatCause.TICK, BeatCause.TICK, BeatCause.TICK, BeatCause.TICK, BeatCause.PLAY, BeatCause.PAUSE,
                        BeatCause.SEEK, BeatCause.RATECHANGE, BeatCause.VISIBILITYCHANGE, BeatCause.ENDED))
                .as((wait, move, mode, rate, state, visibility, cause) -> new Step(wait, move, mode, rate, state, visibility, cause));
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<PlaybackGrant> grants() {
        return Combinators.combine(
                Arbitraries.of(1.0, 1.25, 1.5, 2.0),
                Arbitraries.of(true, false),
                Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 300))
                .as((rate, time, free, furthest) -> {
                    PlaybackGrants grant = aGrant().maxRate(rate).positions(0, furthest);
                    if (time) {
                        grant.timeMode();
                    }
                    if (free) {
                        grant.freeSeeking();
                    }
                    return grant.build();
                });
    }

    /** Runs the steps; returns per-beat outcomes and the server time each interval took. */
    private record Run(List<BeatOutcome> outcomes, List<Long> elapsed, List<Beat> beats, List<PlaybackSession> before,
                       HeartbeatJudge judge) {
    }

    private static Run run(PlaybackGrant grant, List<Step> steps) {
        MutableClock clock = new MutableClock(PlaybackGrants.ISSUED.plusSeconds(1));
        HeartbeatJudge judge = new HeartbeatJudge(clock, new SplittableRandom(1), JudgeSettings.defaults());
        PlaybackSession session = judge.open("ps", grant,
                new HeartbeatJudge.StartContext("127.0.0.1", new byte[] {1}, null, null)).session();
        List<BeatOutcome> outcomes = new ArrayList<>();
        List<Long> elapsed = new ArrayList<>();
        List<Beat> beats = new ArrayList<>();
        List<PlaybackSession> before = new ArrayList<>();
        double position = session.lastPosition();
        long sequence = 0;
        for (Step step : steps) {
            clock.advanceMillis(step.waitMs());
            position = switch (step.mode()) {
                // an honest-ish player: the media moved about as far as the time and rate allow, give or take
                case 0 -> position + step.waitMs() / 1000.0 * step.rate() * (1 + step.move() / 300);
                case 1 -> position + step.move();
                default -> Math.abs(step.move()) * 10;
            };
            position = Math.max(0, Math.min(position, grant.video().durationSeconds()));
            Beat beat = new Beat(++sequence, position, step.rate(), step.state(), step.visibility(), step.cause(), 0);
            before.add(session);
            BeatOutcome outcome = judge.judge(session, beat, new DailyLedger(0, false));
            outcomes.add(outcome);
            elapsed.add(outcome.session().lastServerMs() - session.lastServerMs());
            beats.add(beat);
            session = outcome.session();
        }
        return new Run(outcomes, elapsed, beats, before, judge);
    }

    private static int creditedSeconds(BeatOutcome outcome) {
        return outcome.facts().stream().filter(WatchCredited.class::isInstance).map(WatchCredited.class::cast)
                .mapToInt(c -> c.toSecond() - c.fromSecond()).sum();
    }

    @Property(tries = 400)
    void creditNeverExceedsServerTimeTimesTheAllowedRate(@ForAll("grants") PlaybackGrant grant,
            @ForAll("steps") List<Step> steps) {
        Run run = run(grant, steps);
        double tolerance = 1 + JudgeSettings.defaults().rateTolerance();
        long totalElapsed = run.elapsed().stream().mapToLong(Long::longValue).sum();
        int totalSeconds = 0;
        long totalMillis = 0;
        for (int i = 0; i < run.outcomes().size(); i++) {
            BeatOutcome outcome = run.outcomes().get(i);
            long elapsed = run.elapsed().get(i);
            assertThat(outcome.creditedMillis()).as("study time of beat %d", i).isLessThanOrEqualTo(elapsed);
            totalSeconds += outcome.creditedSeconds();
            totalMillis += outcome.creditedMillis();
        }
        assertThat((double) totalSeconds)
                .isLessThanOrEqualTo(totalElapsed / 1000.0 * grant.policy().maxPlaybackRate() * tolerance);
        assertThat(totalMillis).isLessThanOrEqualTo(totalElapsed);
        net.jqwik.api.statistics.Statistics.label("credits something").collect(totalSeconds > 0);
    }

    @Property(tries = 400)
    void theCreditedMediaOfAnyBeatFitsInTheTimeSinceItsSegmentBegan(@ForAll("grants") PlaybackGrant grant,
            @ForAll("steps") List<Step> steps) {
        Run run = run(grant, steps);
        for (int i = 0; i < run.outcomes().size(); i++) {
            PlaybackSession before = run.before().get(i);
            BeatOutcome outcome = run.outcomes().get(i);
            double segment = (outcome.session().lastServerMs() - before.segmentStartMs()) / 1000.0;
            int coverageSeconds = creditedSeconds(outcome);
            if (grant.policy().creditMode() == PlaybackGrant.CreditMode.COVERAGE) {
                assertThat(before.segmentCreditedSeconds() + coverageSeconds)
                        .isLessThanOrEqualTo((int) Math.floor(segment * grant.policy().maxPlaybackRate() * 1.05 + 1e-9));
            }
        }
    }

    @Property(tries = 400)
    void forwardSeeksNeverCredit(@ForAll("grants") PlaybackGrant grant, @ForAll("steps") List<Step> steps) {
        Run run = run(grant, steps);
        for (int i = 0; i < run.outcomes().size(); i++) {
            Beat beat = run.beats().get(i);
            PlaybackSession before = run.before().get(i);
            double delta = beat.positionSeconds() - before.lastPosition();
            double segmentAllowance = (run.outcomes().get(i).session().lastServerMs() - before.segmentStartMs())
                    / 1000.0 * grant.policy().maxPlaybackRate() * 1.05;
            boolean forwardJump = delta > 0 && (beat.cause() == BeatCause.SEEK || delta > segmentAllowance + 1.0);
            if (forwardJump) {
                assertThat(run.outcomes().get(i).creditedSeconds()).as("beat %d jumped %s", i, delta).isZero();
                assertThat(run.outcomes().get(i).creditedMillis()).isZero();
            }
            if (forwardJump && grant.policy().seekRule() == PlaybackGrant.SeekRule.WATCHED_ONLY
                    && beat.positionSeconds() > before.furthest() + 1) {
                assertThat(run.outcomes().get(i).directives()).anyMatch(Directive.SeekBack.class::isInstance);
            }
        }
    }

    @Property(tries = 400)
    void hiddenNeverCredits(@ForAll("grants") PlaybackGrant grant, @ForAll("steps") List<Step> steps) {
        Run run = run(grant, steps);
        for (int i = 0; i < run.outcomes().size(); i++) {
            Beat beat = run.beats().get(i);
            PlaybackSession before = run.before().get(i);
            if (before.lastVisibility() == Visibility.HIDDEN
                    || beat.visibility() == Visibility.HIDDEN && beat.cause() == BeatCause.TICK) {
                assertThat(run.outcomes().get(i).creditedSeconds()).isZero();
                assertThat(run.outcomes().get(i).creditedMillis()).isZero();
            }
        }
    }

    @Property(tries = 300)
    void replayingAnyBeatChangesNothing(@ForAll("grants") PlaybackGrant grant, @ForAll("steps") List<Step> steps,
            @ForAll @IntRange(min = 0, max = 59) int pick) {
        Run run = run(grant, steps);
        PlaybackSession last = run.outcomes().getLast().session();
        Beat replayed = run.beats().get(pick % run.beats().size());

        BeatOutcome outcome = run.judge().judge(last, replayed, new DailyLedger(0, false));

        assertThat(outcome.changed()).isFalse();
        assertThat(outcome.session()).isSameAs(last);
        assertThat(outcome.facts()).isEmpty();
        assertThat(outcome.creditedSeconds()).isZero();
    }

    @Property(tries = 300)
    void aSecondIsNeverCreditedTwice(@ForAll("grants") PlaybackGrant grant, @ForAll("steps") List<Step> steps) {
        Run run = run(grant, steps);
        if (grant.policy().creditMode() != PlaybackGrant.CreditMode.COVERAGE) {
            return;
        }
        boolean[] seen = new boolean[grant.video().durationSeconds()];
        for (BeatOutcome outcome : run.outcomes()) {
            for (var fact : outcome.facts()) {
                if (fact instanceof WatchCredited credit) {
                    for (int s = credit.fromSecond(); s < credit.toSecond(); s++) {
                        assertThat(seen[s]).as("second %d credited twice", s).isFalse();
                        seen[s] = true;
                    }
                }
            }
        }
    }
}

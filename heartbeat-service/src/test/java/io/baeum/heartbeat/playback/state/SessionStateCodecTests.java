package io.baeum.heartbeat.playback.state;

import static io.baeum.heartbeat.support.PlaybackGrants.aGrant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.contract.playback.PlaybackGrant;
import io.baeum.contract.playback.PlaybackGrant.CuePoint;
import io.baeum.heartbeat.playback.domain.Beat;
import io.baeum.heartbeat.playback.domain.BeatCause;
import io.baeum.heartbeat.playback.domain.BeatOutcome;
import io.baeum.heartbeat.playback.domain.DailyLedger;
import io.baeum.heartbeat.playback.domain.HeartbeatJudge;
import io.baeum.heartbeat.playback.domain.JudgeSettings;
import io.baeum.heartbeat.playback.domain.PlaybackSession;
import io.baeum.heartbeat.playback.domain.PlayerState;
import io.baeum.heartbeat.playback.domain.Visibility;
import io.baeum.heartbeat.playback.state.SessionStateCodec.Terms;
import io.baeum.heartbeat.support.PlaybackGrants;
import io.baeum.testing.MutableClock;

/** Whatever the judge leaves in a session survives the terms + progress encoding exactly. */
class SessionStateCodecTests {

    private final SessionStateCodec codec = new SessionStateCodec(JsonMapper.builder().build());

    /** A beat: wait, media moved, rate, state, visibility, cause; or (action > 0) pass a cue, answer a check, end. */
    record Step(int waitMs, double move, double rate, PlayerState state, Visibility visibility, BeatCause cause, int action) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 25_000), Arbitraries.doubles().between(-30, 60).ofScale(3),
                        Arbitraries.of(0.5, 1.0, 1.0, 1.5, 2.0), Arbitraries.of(PlayerState.class), Arbitraries.of(Visibility.class),
                        Arbitraries.of(BeatCause.class), Arbitraries.of(0, 0, 0, 0, 0, 0, 0, 1, 2, 3))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(50);
    }

    @Provide
    Arbitrary<PlaybackGrant> grants() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 3))
                .as((time, checks, stepUp, cues) -> {
                    PlaybackGrants grant = aGrant().positions(0, 40);
                    if (time) {
                        grant.timeMode();
                    }
                    if (checks) {
                        grant.identityChecks(20, 60);
                    }
                    if (stepUp) {
                        grant.stepUpWithin(600);
                    }
                    grant.cues(List.of(new CuePoint("c-a", 15, false), new CuePoint("c-b", 45, true),
                            new CuePoint("c.c_3", 90, false)).subList(0, cues).toArray(CuePoint[]::new));
                    return grant.build();
                });
    }

    @Property(tries = 300)
    void everySessionTheJudgeProducesDecodesToItself(@ForAll("grants") PlaybackGrant grant,
            @ForAll("steps") List<Step> steps) {
        MutableClock clock = new MutableClock(PlaybackGrants.ISSUED.plusSeconds(1));
        HeartbeatJudge judge = new HeartbeatJudge(clock, new SplittableRandom(7), JudgeSettings.defaults());
        PlaybackSession session = judge.open("ps_a1", grant,
                new HeartbeatJudge.StartContext("127.0.0.1", new byte[] {1}, null, null)).session();
        assertRoundTrips(session);
        double position = 0;
        long sequence = 0;
        for (Step step : steps) {
            clock.advanceMillis(step.waitMs());
            position = Math.max(0, Math.min(position + step.move(), grant.video().durationSeconds()));
            BeatOutcome outcome;
            try {
                outcome = switch (step.action()) {
                    case 1 -> session.firstUnpassedCue() == null ? null : judge.passCue(session, session.firstUnpassedCue().id());
                    case 2 -> session.pendingChallenge() == null || session.pendingChallenge().code() == null ? null
                            : judge.answerPresence(session, session.pendingChallenge().id(), session.pendingChallenge().code());
                    case 3 -> judge.end(session, "ENDED", true);
                    default -> judge.judge(session, new Beat(++sequence, position, step.rate(), step.state(),
                            step.visibility(), step.cause(), 0), new DailyLedger(0, false));
                };
            } catch (RuntimeException refused) {
                continue; // a refused request changes nothing
            }
            if (outcome != null) {
                session = outcome.session();
                assertRoundTrips(session);
            }
        }
    }

    @Example
    void progressIsCompactAndVersioned() {
        MutableClock clock = new MutableClock(PlaybackGrants.ISSUED.plusSeconds(1));
        HeartbeatJudge judge = new HeartbeatJudge(clock, new SplittableRandom(7), JudgeSettings.defaults());
        PlaybackSession session = judge.open("ps_a1", aGrant().cues(new CuePoint("c-a", 15, false)).build(),
                new HeartbeatJudge.StartContext("127.0.0.1", new byte[] {1}, null, null)).session();

        String progress = SessionStateCodec.encodeProgress(session);

        assertThat(progress).startsWith("p1|A|").hasSizeLessThan(200);
        assertThatThrownBy(() -> SessionStateCodec.decode(Terms.of(session), 1, "p9" + progress.substring(2)))
                .isInstanceOf(IllegalStateException.class);
    }

    private void assertRoundTrips(PlaybackSession session) {
        Terms terms = codec.decodeTerms(codec.encodeTerms(Terms.of(session)));
        assertThat(SessionStateCodec.decode(terms, session.version(), SessionStateCodec.encodeProgress(session)))
                .isEqualTo(session);
    }
}

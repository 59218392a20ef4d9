package io.baeum.heartbeat.playback.domain;

import static io.baeum.heartbeat.support.PlaybackGrants.aGrant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.baeum.contract.playback.PlaybackGrant;
import io.baeum.contract.playback.PlaybackGrant.CuePoint;
import io.baeum.contract.progress.ProgressEventKind.ChallengeOutcome;
import io.baeum.contract.progress.ProgressEventKind.ChallengeResolved;
import io.baeum.contract.progress.ProgressEventKind.SessionEnded;
import io.baeum.contract.progress.ProgressEventKind.SessionStarted;
import io.baeum.contract.progress.ProgressEventKind.WatchCredited;
import io.baeum.testing.MutableClock;
import io.baeum.heartbeat.support.PlaybackGrants;

class HeartbeatJudgeTests {

    private final MutableClock clock = new MutableClock(PlaybackGrants.ISSUED.plusSeconds(10));
    private final HeartbeatJudge judge = new HeartbeatJudge(clock, new SplittableRandom(7), JudgeSettings.defaults());

    private ScriptedPlayer open(PlaybackGrants grant) {
        return open(grant.build(), null);
    }

    private ScriptedPlayer open(PlaybackGrant grant, Instant identityVerifiedAt) {
        BeatOutcome opened = judge.open("ps-1", grant,
                new HeartbeatJudge.StartContext("10.0.0.1", new byte[] {1, 2, 3}, "test-agent", identityVerifiedAt));
        return new ScriptedPlayer(judge, clock, opened);
    }

    @Test
    void whenTheSessionOpensThenItRecordsWhereFromAndResumesAtTheGrantsPosition() {
        ScriptedPlayer player = open(aGrant().positions(120, 200));

        assertThat(player.facts).singleElement().isInstanceOfSatisfying(SessionStarted.class,
                started -> assertThat(started.clientIp()).isEqualTo("10.0.0.1"));
        assertThat(player.session.lastPosition()).isEqualTo(120);
        assertThat(player.session.furthest()).isEqualTo(200);
    }

    @Test
    void whenThePlayerWatchesVisiblyThenEverySecondIsCreditedOnce() {
        ScriptedPlayer player = open(aGrant());
        player.play();

        int credited = player.watch(60, 10);

        assertThat(credited).isEqualTo(60);
        assertThat(player.credits()).extracting(WatchCredited::fromSecond, WatchCredited::toSecond)
                .containsExactly(tuple(0, 10), tuple(10, 20), tuple(20, 30), tuple(30, 40), tuple(40, 50), tuple(50, 60));
        assertThat(player.credits()).allSatisfy(c -> assertThat(c.creditedMillis()).isEqualTo(10_000));
        assertThat(player.last.directives()).containsExactly(new Directive.Continue());
        assertThat(HeartbeatJudge.progressPercent(player.session)).isEqualTo(10);
    }

    @Test
    void whenThePageIsHiddenThenNothingIsCreditedAndTheRefusalSaysHidden() {
        ScriptedPlayer player = open(aGrant());
        player.play();
        player.watch(10, 10);
        player.beat(PlayerState.PLAYING, Visibility.HIDDEN, BeatCause.VISIBILITYCHANGE);
        clock.advance(Duration.ofSeconds(10));
        player.position += 10;

        BeatOutcome hiddenTick = player.beat(PlayerState.PLAYING, Visibility.HIDDEN, BeatCause.TICK);

        assertThat(hiddenTick.creditedSeconds()).isZero();
        assertThat(hiddenTick.refusal()).isEqualTo(RefusalReason.HIDDEN);
        assertThat(player.refusals()).contains("HIDDEN");
    }

    @Test
    void whenPlayingFasterThanTheCapThenNothingIsCreditedAndThePlayerIsToldToLimitTheRate() {
        ScriptedPlayer player = open(aGrant().maxRate(1.5));
        player.rate = 2.0;
        player.play();

        player.watch(10, 10);

        assertThat(player.last.creditedSeconds()).isZero();
        assertThat(player.last.refusal()).isEqualTo(RefusalReason.RATE_TOO_HIGH);
        assertThat(player.last.directives()).contains(new Directive.LimitRate(1.5));
    }

    @Test
    void whenPlayingAtTheCapThenMediaSecondsAreCreditedAtThatRate() {
        ScriptedPlayer player = open(aGrant().maxRate(1.5));
        player.rate = 1.5;
        player.play();

        assertThat(player.watch(20, 10)).isEqualTo(30);
    }

    @Test
    void whenSeekingPastTheFurthestWatchedPointThenItEarnsNothingAndThePlayerIsSentBack() {
        ScriptedPlayer player = open(aGrant().positions(0, 100));
        player.play();
        player.watch(10, 10);

        BeatOutcome seek = player.seekTo(400);
        clock.advance(Duration.ofSeconds(10));
        player.position += 10;
        BeatOutcome after = player.beat(PlayerState.PLAYING, Visibility.VISIBLE, BeatCause.TICK);

        assertThat(seek.refusal()).isEqualTo(RefusalReason.SEEK_AHEAD);
        assertThat(seek.directives()).contains(new Directive.SeekBack(100));
        assertThat(after.creditedSeconds()).isZero();
        assertThat(after.directives()).contains(new Directive.SeekBack(100));
        assertThat(player.session.coverage().missingFrom(400, 420)).hasSize(1);
    }

    @Test
    void whenSeekingBackThenPlaybackFromThereIsCreditedAgain() {
        ScriptedPlayer player = open(aGrant().positions(0, 300));
        player.play();
        player.seekTo(200);

        assertThat(player.watch(20, 10)).isEqualTo(20);
        assertThat(player.credits()).extracting(WatchCredited::fromSecond).containsExactly(200, 210);
    }

    @Test
    void whenTheMediaMovesFasterThanServerTimeThenTheExcessIsNotCredited() {
        ScriptedPlayer player = open(aGrant().maxRate(1.0).freeSeeking());
        player.play();
        clock.advance(Duration.ofSeconds(10));
        player.position = 10.4;

        BeatOutcome beat = player.beat(PlayerState.PLAYING, Visibility.VISIBLE, BeatCause.TICK);

        assertThat(beat.creditedSeconds()).isEqualTo(10);
        assertThat(player.session.segmentCredited()).isLessThanOrEqualTo(10 * 1.05);
    }

    @Test
    void whenMoreThanTwoIntervalsPassThenTheGapEarnsNothingAndANewSegmentStarts() {
        ScriptedPlayer player = open(aGrant().freeSeeking());
        player.play();
        player.watch(10, 10);
        clock.advance(Duration.ofSeconds(25));
        player.position += 25;

        BeatOutcome gap = player.beat(PlayerState.PLAYING, Visibility.VISIBLE, BeatCause.TICK);
        int afterwards = player.watch(10, 10);

        assertThat(gap.refusal()).isEqualTo(RefusalReason.GAP);
        assertThat(gap.creditedSeconds()).isZero();
        assertThat(afterwards).isEqualTo(10);
    }

    @Test
    void whenABeatIsRepeatedOrArrivesLateThenNothingChanges() {
        ScriptedPlayer player = open(aGrant());
        player.play();
        player.watch(20, 10);
        PlaybackSession before = player.session;

        BeatOutcome repeat = judge.judge(before,
                new Beat(2, 10, 1.0, PlayerState.PLAYING, Visibility.VISIBLE, BeatCause.TICK, 0), player.ledger);

        assertThat(repeat.changed()).isFalse();
        assertThat(repeat.session()).isSameAs(before);
        assertThat(repeat.facts()).isEmpty();
    }

    @Test
    void whenTheSequenceNumberIsFarAheadThenTheBeatIsRefusedWhole() {
        ScriptedPlayer player = open(aGrant());

        assertThatThrownBy(() -> player.apply(new Beat(5000, 0, 1.0, PlayerState.PLAYING, Visibility.VISIBLE,
                BeatCause.TICK, 0)))
                .isInstanceOfSatisfying(PlaybackRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(PlaybackRefusedException.Code.SEQUENCE_TOO_FAR_AHEAD));
    }

    @Test
    void whenThePositionIsBeyondTheVideoThenTheBeatIsRefusedWhole() {
        ScriptedPlayer player = open(aGrant());

        assertThatThrownBy(() -> player.apply(new Beat(1, 700, 1.0, PlayerState.PLAYING, Visibility.VISIBLE,
                BeatCause.TICK, 0)))
                .isInstanceOfSatisfying(PlaybackRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(PlaybackRefusedException.Code.POSITION_BEYOND_VIDEO));
    }

    @Test
    void whenPausedOrBufferingThenNothingIsCreditedAndNoEvidenceIsRecorded() {
        ScriptedPlayer player = open(aGrant());
        player.beat(PlayerState.PAUSED, Visibility.VISIBLE, BeatCause.PAUSE);
        clock.advance(Duration.ofSeconds(10));
        BeatOutcome paused = player.beat(PlayerState.PAUSED, Visibility.VISIBLE, BeatCause.TICK);
        player.beat(PlayerState.BUFFERING, Visibility.VISIBLE, BeatCause.TICK);

        assertThat(paused.refusal()).isEqualTo(RefusalReason.NOT_PLAYING);
        assertThat(player.credits()).isEmpty();
        assertThat(player.refusals()).isEmpty();
    }

    @Test
    void whenACueIsNotPassedThenCreditStopsAtTheCueUntilItsPassIsPresented() {
        ScriptedPlayer player = open(aGrant().positions(100, 300).cues(new CuePoint("cue-a", 115, false)));
        player.seekTo(100);
        player.play();

        player.watch(20, 10);

        assertThat(player.credits()).extracting(WatchCredited::fromSecond, WatchCredited::toSecond)
                .containsExactly(tuple(100, 110), tuple(110, 115));
        assertThat(player.last.refusal()).isEqualTo(RefusalReason.CUE_PENDING);
        assertThat(player.last.directives()).contains(new Directive.ShowQuiz("cue-a", 115));

        BeatOutcome passed = judge.passCue(player.session, "cue-a");
        player.session = passed.session();
        assertThat(passed.facts()).singleElement().isInstanceOfSatisfying(ChallengeResolved.class,
                r -> assertThat(r.outcome()).isEqualTo(ChallengeOutcome.PASSED));
        assertThat(judge.passCue(player.session, "cue-a").changed()).as("a cue passes once").isFalse();
        player.seekTo(115);
        assertThat(player.watch(10, 10)).isEqualTo(10);
    }

    @Test
    void whenAnUnknownCueIsPassedThenItIsRefused() {
        ScriptedPlayer player = open(aGrant());

        assertThatThrownBy(() -> judge.passCue(player.session, "nope")).isInstanceOf(PlaybackRefusedException.class);
    }

    @Test
    void identityChecksComeAtRandomWithinThePolicyRangeAndStopCreditUntilAnswered() {
        ScriptedPlayer player = open(aGrant().identityChecks(30, 60));
        long due = player.session.checks().nextCheckAfterMs();
        assertThat(due).isBetween(30_000L, 60_000L);
        player.play();

        int beats = 0;
        while (player.session.pendingChallenge() == null && beats++ < 10) {
            player.watch(10, 10);
        }
        Challenge challenge = player.session.pendingChallenge();
        assertThat(challenge).isNotNull();
        assertThat(challenge.kind()).isEqualTo(Challenge.Kind.PRESENCE_CODE);
        assertThat(challenge.code()).matches("\\d{6}");
        assertThat(player.last.directives()).contains(new Directive.PauseForIdentityCheck(challenge));
        assertThat(beats * 10_000L).isGreaterThanOrEqualTo(due).isLessThan(due + 10_000);

        player.watch(10, 10);
        assertThat(player.last.refusal()).isEqualTo(RefusalReason.IDENTITY_PENDING);
        assertThat(player.last.creditedSeconds()).isZero();

        BeatOutcome wrong = judge.answerPresence(player.session, challenge.id(), "not-it");
        Challenge replaced = wrong.session().pendingChallenge();
        assertThat(replaced.id()).isNotEqualTo(challenge.id());
        BeatOutcome right = judge.answerPresence(wrong.session(), replaced.id(), replaced.code());
        assertThat(right.facts()).singleElement().isInstanceOfSatisfying(ChallengeResolved.class,
                r -> assertThat(r.outcome()).isEqualTo(ChallengeOutcome.PASSED));
        player.session = right.session();
        player.play();
        assertThat(player.watch(10, 10)).isEqualTo(10);
    }

    @Test
    void whenTheTokensIdentityVerificationIsTooOldThenTheSessionStartsWithAStepUpCheck() {
        PlaybackGrant grant = aGrant().stepUpWithin(3600).build();
        ScriptedPlayer player = open(grant, clock.instant().minus(Duration.ofHours(2)));
        Challenge stepUp = player.session.pendingChallenge();
        assertThat(stepUp.kind()).isEqualTo(Challenge.Kind.STEP_UP);

        assertThatThrownBy(() -> judge.confirmStepUp(player.session, stepUp.id(), clock.instant().minus(Duration.ofHours(2))))
                .isInstanceOf(PlaybackRefusedException.class);
        BeatOutcome confirmed = judge.confirmStepUp(player.session, stepUp.id(), clock.instant());
        assertThat(confirmed.session().pendingChallenge()).isNull();

        assertThat(open(grant, clock.instant().minusSeconds(60)).session.pendingChallenge()).isNull();
    }

    @Test
    void whenTheDayInSeoulIsPastTheStudyPeriodThenNothingIsCredited() {
        clock.set(Instant.parse("2026-04-30T14:59:45Z")); // 23:59:45 in Seoul, the last day
        ScriptedPlayer player = open(aGrant());
        player.play();
        assertThat(player.watch(10, 10)).isEqualTo(10);

        clock.set(Instant.parse("2026-04-30T15:00:05Z")); // 00:00:05 on 1 May in Seoul
        player.position += 10;
        BeatOutcome beat = player.beat(PlayerState.PLAYING, Visibility.VISIBLE, BeatCause.TICK);

        assertThat(beat.refusal()).isEqualTo(RefusalReason.OUTSIDE_STUDY_PERIOD);
        assertThat(beat.creditedSeconds()).isZero();
    }

    @Test
    void whenTheDailyCapIsReachedThenANewLessonEarnsNothingButOneAlreadyStudiedTodayDoes() {
        ScriptedPlayer player = open(aGrant().dailyCap(8).today(LocalDate.parse("2026-03-10"), 8, false));
        player.ledger = DailyLedger.merge(0, false, player.session, judge.today(player.session));
        player.play();

        player.watch(10, 10);
        assertThat(player.last.refusal()).isEqualTo(RefusalReason.DAILY_CAP);

        player.ledger = new DailyLedger(8, true);
        assertThat(player.watch(10, 10)).isEqualTo(10);
    }

    @Test
    void whenTheFirstCreditOfTheDayLandsThenTheLessonCountsAgainstTheCap() {
        ScriptedPlayer player = open(aGrant());
        player.play();

        player.watch(10, 10);

        assertThat(player.last.countLessonToday()).isTrue();
    }

    @Test
    void whenTheSessionIsEndedThenBeatsAreAnsweredTerminated() {
        ScriptedPlayer player = open(aGrant());
        BeatOutcome ended = judge.end(player.session, "CONCURRENT_SESSION", false);
        player.session = ended.session();

        BeatOutcome beat = player.play();

        assertThat(ended.facts()).singleElement().isInstanceOf(SessionEnded.class);
        assertThat(beat.directives()).containsExactly(new Directive.Terminated("CONCURRENT_SESSION"));
        assertThat(beat.changed()).isFalse();
        assertThat(judge.end(ended.session(), "ENDED", true).changed()).isFalse();
    }

    @Test
    void timeModeCreditsRealElapsedTimeSoDoubleSpeedEarnsHalf() {
        // 30 min of media at 2x takes 15 real minutes: 15 minutes of study time
        ScriptedPlayer player = open(aGrant().video(1800, 1800).timeMode().maxRate(2.0).freeSeeking());
        player.rate = 2.0;
        player.play();

        player.watch(900, 10);

        assertThat(player.session.studyMillis()).isEqualTo(900_000);
        assertThat(player.position).isEqualTo(1800);
        assertThat(HeartbeatJudge.progressPercent(player.session)).isEqualTo(50);
    }

    @Test
    void timeModeFollowsTheTwentyTwentySixRuleOnWorkedExamples() {
        int recognised = 1800; // 30 minutes
        assertThat(HeartbeatJudge.recognisedPercent(0, recognised)).isZero();
        assertThat(HeartbeatJudge.recognisedPercent(14 * 60_000, recognised)).as("below half: nothing").isZero();
        assertThat(HeartbeatJudge.recognisedPercent(15 * 60_000 - 1, recognised)).isZero();
        assertThat(HeartbeatJudge.recognisedPercent(15 * 60_000, recognised)).as("half: credit starts").isEqualTo(50);
        assertThat(HeartbeatJudge.recognisedPercent(24 * 60_000, recognised)).isEqualTo(80);
        assertThat(HeartbeatJudge.recognisedPercent(30 * 60_000, recognised)).as("full").isEqualTo(100);
        assertThat(HeartbeatJudge.recognisedPercent(45 * 60_000, recognised)).isEqualTo(100);
    }

    @Test
    void timeModeReplayBeyondTheRecognisedTimeAddsNothing() {
        ScriptedPlayer player = open(aGrant().video(120, 60).timeMode().freeSeeking());
        player.play();
        player.watch(60, 10);
        assertThat(player.session.studyMillis()).isEqualTo(60_000);

        player.seekTo(0);
        player.watch(30, 10);

        assertThat(player.session.studyMillis()).isEqualTo(60_000);
        assertThat(player.last.refusal()).isEqualTo(RefusalReason.RECOGNISED_TIME_REACHED);
        assertThat(HeartbeatJudge.progressPercent(player.session)).isEqualTo(100);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}

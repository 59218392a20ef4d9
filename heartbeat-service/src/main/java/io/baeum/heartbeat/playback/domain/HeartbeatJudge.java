package io.baeum.heartbeat.playback.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

import io.baeum.contract.playback.PlaybackGrant;
import io.baeum.contract.playback.PlaybackGrant.CreditMode;
import io.baeum.contract.playback.PlaybackGrant.CuePoint;
import io.baeum.contract.playback.PlaybackGrant.Policy;
import io.baeum.contract.playback.PlaybackGrant.SecondRange;
import io.baeum.contract.playback.PlaybackGrant.SeekRule;
import io.baeum.contract.progress.ProgressEventKind;
import io.baeum.contract.progress.ProgressEventKind.ChallengeKind;
import io.baeum.contract.progress.ProgressEventKind.ChallengeOutcome;
import io.baeum.contract.progress.ProgressEventKind.ChallengeResolved;
import io.baeum.contract.progress.ProgressEventKind.CreditRefused;
import io.baeum.contract.progress.ProgressEventKind.SessionEnded;
import io.baeum.contract.progress.ProgressEventKind.SessionStarted;
import io.baeum.contract.progress.ProgressEventKind.WatchCredited;
import io.baeum.contract.progress.StudyTimeRule;

/**
 * The server-side anti-cheat judge: decides what each beat earns and what the player must do next.
 * Plain Java; time comes only from the injected {@link Clock}, chance only from the injected
 * {@link RandomGenerator}.
 *
 * <p>The interval between two beats earns credit only when all of these hold (else the first failing
 * rule is the {@link RefusalReason}): no more than 2× the beat interval passed ({@code GAP}); the player was
 * playing ({@code NOT_PLAYING}), visible ({@code HIDDEN}) and within the maximum rate ({@code RATE_TOO_HIGH})
 * — judged by the previous beat and, for a tick, by this one too; the media moved continuously, i.e. not
 * further than server time × max rate × (1 + tolerance) since the segment started ({@code SEEK_AHEAD} /
 * {@code SEEKED} otherwise); under the watched-only rule, it started at or before the furthest watched point
 * ({@code SEEK_AHEAD}, answered {@code SEEK_BACK}); today is in the study period ({@code OUTSIDE_STUDY_PERIOD});
 * no identity check is pending ({@code IDENTITY_PENDING}); the daily lesson cap allows this lesson
 * ({@code DAILY_CAP}); and it lies before the first unpassed cue ({@code CUE_PENDING} for the part after it).
 * In time mode the credit is real elapsed time, never more than the recognised time in total
 * ({@code RECOGNISED_TIME_REACHED}).
 */
public final class HeartbeatJudge {

    private static final double EPSILON = 1e-9;
    private static final int PRESENCE_CODE_DIGITS = 6;

    private final Clock clock;
    private final RandomGenerator random;
    private final JudgeSettings settings;

    public HeartbeatJudge(Clock clock, RandomGenerator random, JudgeSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The client facts recorded when a session starts (evidence for proxy-study review). */
    public record StartContext(String clientIp, byte[] deviceFingerprintHash, @Nullable String userAgent,
                               @Nullable Instant identityVerifiedAt) {
    }

    /**
     * Opens a session from a verified grant. Under a step-up policy whose {@code idv_at} requirement the
     * access token does not meet, the session starts with a pending {@code STEP_UP} check.
     */
    public BeatOutcome open(String sessionId, PlaybackGrant grant, StartContext context) {
        long now = clock.millis();
        Policy policy = grant.policy();
        int duration = grant.video().durationSeconds();
        Coverage coverage = Coverage.empty();
        for (SecondRange range : grant.credited().ranges()) {
            coverage = coverage.plus(Math.min(range.fromSecond(), duration), Math.min(range.toSecond(), duration));
        }
        Challenge pending = null;
        if (policy.stepUpMaxAgeSeconds() != null && !stepUpFresh(context.identityVerifiedAt(), policy, now)) {
            pending = new Challenge(newId(), Challenge.Kind.STEP_UP, null, now);
        }
        long studyMillis = grant.credited().studyMillis();
        if (policy.creditMode() == CreditMode.TIME) {
            studyMillis = StudyTimeRule.creditableMillis(studyMillis, grant.video().recognisedSeconds());
        }
        PlaybackSession.Terms terms = new PlaybackSession.Terms(sessionId, grant.accountId(), grant.enrollmentId(),
                grant.courseId(), grant.lessonId(), grant.grantId(), duration, grant.video().recognisedSeconds(), policy,
                grant.studyPeriod(), grant.today(), now);
        PlaybackSession.LastBeat start = new PlaybackSession.LastBeat(-1, now,
                Math.min(grant.positions().resumeSecond(), duration), PlayerState.PAUSED, Visibility.VISIBLE, 1.0);
        PlaybackSession.Credited credited = new PlaybackSession.Credited(
                Math.min(grant.positions().furthestSecond(), duration), coverage, studyMillis);
        PlaybackSession session = new PlaybackSession(terms, grant.cues(), PlaybackSession.Status.ACTIVE, null, 0,
                start, PlaybackSession.Segment.startingAt(now), credited,
                new PlaybackSession.IdentityChecks(0, drawNextCheck(policy), pending));
        SessionStarted started = new SessionStarted(context.clientIp(), context.deviceFingerprintHash(),
                context.userAgent());
        return new BeatOutcome(session, true, 0, 0, null, standing(session, session.lastPosition(), 1.0),
                List.of(started), false);
    }

    /** Today in the session's study-period zone (Asia/Seoul). */
    public LocalDate today(PlaybackSession session) {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of(session.studyPeriod().zone()));
    }

    /**
     * Judges one beat. A beat whose sequence number is not above the last accepted one changes nothing
     * (repeats and reordering are harmless).
     *
     * @throws PlaybackRefusedException when the beat is unusable (sequence far ahead, position past the end)
     */
    public BeatOutcome judge(PlaybackSession session, Beat beat, DailyLedger ledger) {
        BeatOutcome ignored = ignoreOrRefuse(session, beat);
        if (ignored != null) {
            return ignored;
        }
        PlaybackSession.Draft draft = session.draft();
        Motion motion = motion(session, beat);
        boolean seekBack = seekBack(session, motion);
        Interval interval = earnableInterval(session, motion, motionRefusal(session, beat, motion, seekBack), ledger, draft);
        double watched = interval.to() - interval.from();
        long watchedMs = watched > 0 ? Math.min(motion.elapsedMs(), Math.round(watched * 1000 / session.lastRate())) : 0;
        WholeSeconds whole = wholeSeconds(session, motion, interval);
        Credit credit = credit(session, motion, interval.refusal(), whole, watchedMs, draft);
        RefusalReason refusal = credit.refusal();
        if (refusal != null && refusal.evidence()) {
            credit.facts().add(new CreditRefused(refusal.name(), motion.positionSecond(),
                    Math.max(0, motion.elapsedMs() - credit.creditedMs())));
        }
        keepSegment(draft, motion, refusal, watched, whole);
        drawIdentityCheck(session.policy(), draft, watchedMs, motion.now());
        recordBeat(draft, beat, motion);
        PlaybackSession next = draft.build();
        boolean countToday = credit.creditedMs() > 0 && !ledger.thisLessonCounted();
        return new BeatOutcome(next, true, credit.newSeconds(), credit.creditedMs(), refusal,
                directives(next, beat, motion, seekBack), credit.facts(), countToday);
    }

    /** What the server observed between the previous beat and this one. */
    private record Motion(long now, long elapsedMs, double previous, double position, double delta, double allowance,
                          double budget, boolean jump, boolean tick) {

        int positionSecond() {
            return (int) Math.floor(position);
        }
    }

    /** The media interval {@code [from, to)} this beat may earn, in exact seconds, and why not more. */
    private record Interval(double from, double to, @Nullable RefusalReason refusal) {
    }

    /** The whole media seconds {@code [from, to)} the interval covers within the segment's budget. */
    private record WholeSeconds(int from, int to) {

        boolean any() {
            return to > from;
        }
    }

    /** What the interval earned: the facts to emit, new coverage, credited time, and the refusal that stands. */
    private record Credit(List<ProgressEventKind> facts, int newSeconds, long creditedMs, @Nullable RefusalReason refusal) {
    }

    /** Phase 0: beats that change nothing (over, repeated) or that cannot be judged (far ahead, past the end). */
    private @Nullable BeatOutcome ignoreOrRefuse(PlaybackSession session, Beat beat) {
        if (!session.active()) {
            return BeatOutcome.unchanged(session, List.of(terminated(session)));
        }
        if (beat.sequence() <= session.lastSequence()) {
            return BeatOutcome.unchanged(session, standing(session, session.lastPosition(), session.lastRate()));
        }
        if (beat.sequence() > session.lastSequence() + settings.maxSequenceJump()) {
            throw new PlaybackRefusedException(PlaybackRefusedException.Code.SEQUENCE_TOO_FAR_AHEAD,
                    "sequence " + beat.sequence() + " is too far ahead of " + session.lastSequence());
        }
        if (beat.positionSeconds() > session.durationSeconds() + settings.positionSlackSeconds()) {
            throw new PlaybackRefusedException(PlaybackRefusedException.Code.POSITION_BEYOND_VIDEO,
                    "position " + beat.positionSeconds() + " is beyond the video");
        }
        return null;
    }

    /** Phase 1: server time elapsed, the media's motion, and how far it may have moved at the maximum rate. */
    private Motion motion(PlaybackSession session, Beat beat) {
        long now = clock.millis();
        double maxRate = session.policy().maxPlaybackRate();
        double previous = session.lastPosition();
        double position = Math.min(beat.positionSeconds(), session.durationSeconds());
        double delta = position - previous;
        double allowance = Math.max(0, now - session.segmentStartMs()) / 1000.0 * maxRate * (1 + settings.rateTolerance());
        double budget = Math.max(0, allowance - session.segmentCredited());
        boolean jump = beat.cause() == BeatCause.SEEK || delta < -settings.seekSlackSeconds()
                || delta > budget + settings.seekSlackSeconds();
        return new Motion(now, Math.max(0, now - session.lastServerMs()), previous, position, delta, allowance, budget,
                jump, beat.cause() == BeatCause.TICK);
    }

    /** Under the watched-only rule, a jump (or playback) beyond the furthest watched point is sent back. */
    private boolean seekBack(PlaybackSession session, Motion motion) {
        double limit = session.furthest() + settings.seekSlackSeconds();
        return session.policy().seekRule() == SeekRule.WATCHED_ONLY && motion.position() > limit
                && (motion.jump() || motion.previous() > limit);
    }

    /** Phase 2: the first rule the player's motion breaks (gap, not playing, hidden, too fast, a seek), if any. */
    private @Nullable RefusalReason motionRefusal(PlaybackSession session, Beat beat, Motion motion, boolean seekBack) {
        Policy policy = session.policy();
        double maxRate = policy.maxPlaybackRate();
        boolean tick = motion.tick();
        RefusalReason refusal = null;
        if (motion.elapsedMs() > 2L * policy.heartbeatIntervalSeconds() * 1000L) {
            refusal = RefusalReason.GAP;
        } else if (session.lastState() != PlayerState.PLAYING || (tick && beat.state() != PlayerState.PLAYING)) {
            refusal = RefusalReason.NOT_PLAYING;
        } else if (session.lastVisibility() == Visibility.HIDDEN || (tick && beat.visibility() == Visibility.HIDDEN)) {
            refusal = RefusalReason.HIDDEN;
        } else if (session.lastRate() > maxRate + EPSILON || (tick && beat.playbackRate() > maxRate + EPSILON)) {
            refusal = RefusalReason.RATE_TOO_HIGH;
        } else if (motion.jump()) {
            refusal = motion.delta() > 0 ? RefusalReason.SEEK_AHEAD : RefusalReason.SEEKED;
        }
        if (seekBack && (refusal == null || refusal == RefusalReason.SEEKED)) {
            refusal = RefusalReason.SEEK_AHEAD;
        }
        return refusal;
    }

    /**
     * Phase 3: the continuous motion this interval may earn, cut by the study period, a pending identity
     * check, the daily lesson cap and the first unpassed cue; advances the furthest watched point.
     */
    private Interval earnableInterval(PlaybackSession session, Motion motion, @Nullable RefusalReason motionRefusal,
            DailyLedger ledger, PlaybackSession.Draft draft) {
        double from = motion.previous();
        double to = motionRefusal == null && motion.delta() > 0 ? from + Math.min(motion.delta(), motion.budget()) : from;
        if (to <= from) {
            return new Interval(from, to, motionRefusal);
        }
        CuePoint gate = session.firstUnpassedCue();
        draft.furthest = Math.max(draft.furthest,
                gate == null ? to : Math.min(to, Math.max(gate.atSecond(), session.furthest())));
        LocalDate today = today(session);
        RefusalReason refusal = null;
        if (today.isBefore(session.studyPeriod().from()) || today.isAfter(session.studyPeriod().to())) {
            refusal = RefusalReason.OUTSIDE_STUDY_PERIOD;
        } else if (session.pendingChallenge() != null) {
            refusal = RefusalReason.IDENTITY_PENDING;
        } else if (!ledger.thisLessonCounted() && ledger.otherLessons() >= session.policy().dailyLessonCap()) {
            refusal = RefusalReason.DAILY_CAP;
        } else if (gate != null && to > gate.atSecond()) {
            refusal = RefusalReason.CUE_PENDING;
            to = Math.max(from, gate.atSecond());
        }
        if (refusal != null && refusal != RefusalReason.CUE_PENDING) {
            to = from;
        }
        return new Interval(from, to, refusal);
    }

    private WholeSeconds wholeSeconds(PlaybackSession session, Motion motion, Interval interval) {
        int wholeBudget = (int) Math.floor(motion.allowance() + EPSILON) - session.segmentCreditedSeconds();
        int from = (int) Math.floor(interval.from());
        int to = Math.min(Math.min((int) Math.floor(interval.to() + EPSILON), from + Math.max(0, wholeBudget)),
                session.durationSeconds());
        return new WholeSeconds(from, to);
    }

    /**
     * Phase 4: credit by the policy's mode — new media seconds (coverage) or real elapsed time up to the
     * recognised time ({@link StudyTimeRule}) — and record it in the draft.
     */
    private static Credit credit(PlaybackSession session, Motion motion, @Nullable RefusalReason refusal,
            WholeSeconds whole, long watchedMs, PlaybackSession.Draft draft) {
        List<ProgressEventKind> facts = new ArrayList<>();
        boolean timeMode = session.policy().creditMode() == CreditMode.TIME;
        if (watchedMs <= 0 || !whole.any() && !timeMode) {
            return new Credit(facts, 0, 0, refusal);
        }
        int newSeconds = 0;
        long creditedMs = 0;
        if (!timeMode) {
            long msLeft = watchedMs;
            for (Coverage.Span span : session.coverage().missingFrom(whole.from(), whole.to())) {
                facts.add(new WatchCredited(span.from(), span.to(), msLeft, motion.positionSecond()));
                creditedMs += msLeft;
                msLeft = 0;
                newSeconds += span.length();
            }
        } else {
            long remaining = StudyTimeRule.remainingMillis(session.studyMillis(), session.recognisedSeconds());
            if (remaining <= 0) {
                if (refusal == null) {
                    refusal = RefusalReason.RECOGNISED_TIME_REACHED;
                }
            } else {
                creditedMs = Math.min(watchedMs, remaining);
                int spanFrom = whole.any() ? whole.from() : Math.min(whole.from(), session.durationSeconds() - 1);
                int spanTo = whole.any() ? whole.to() : spanFrom + 1;
                facts.add(new WatchCredited(spanFrom, spanTo, creditedMs, motion.positionSecond()));
                newSeconds = whole.any() ? session.coverage().missingFrom(whole.from(), whole.to()).stream()
                        .mapToInt(Coverage.Span::length).sum() : 0;
            }
        }
        if (whole.any()) {
            draft.coverage = draft.coverage.plus(whole.from(), whole.to());
        }
        draft.studyMillis += creditedMs;
        return new Credit(facts, newSeconds, creditedMs, refusal);
    }

    /** Phase 5: anything but continuous, fully judged playback starts a new segment here. */
    private static void keepSegment(PlaybackSession.Draft draft, Motion motion, @Nullable RefusalReason refusal,
            double watched, WholeSeconds whole) {
        if (refusal != null) {
            draft.restartSegment(motion.now());
        } else {
            draft.segmentCredited += watched;
            draft.segmentCreditedSeconds += Math.max(0, whole.to() - whole.from());
        }
    }

    /** Phase 6: identity checks at random points of playback time. */
    private void drawIdentityCheck(Policy policy, PlaybackSession.Draft draft, long watchedMs, long now) {
        if (policy.identityCheck() != null && draft.pendingChallenge == null && watchedMs > 0) {
            draft.playbackMsSinceCheck += watchedMs;
            if (draft.playbackMsSinceCheck >= draft.nextCheckAfterMs) {
                draft.pendingChallenge = new Challenge(newId(), Challenge.Kind.PRESENCE_CODE, presenceCode(), now);
                draft.playbackMsSinceCheck = 0;
            }
        }
    }

    /** Phase 7: this beat becomes the previous one. */
    private static void recordBeat(PlaybackSession.Draft draft, Beat beat, Motion motion) {
        draft.lastSequence = beat.sequence();
        draft.lastServerMs = motion.now();
        draft.lastPosition = motion.position();
        draft.lastState = beat.state();
        draft.lastVisibility = beat.visibility();
        draft.lastRate = beat.playbackRate();
    }

    /** Phase 8: what the player must do next. */
    private List<Directive> directives(PlaybackSession next, Beat beat, Motion motion, boolean seekBack) {
        List<Directive> directives = new ArrayList<>();
        if (seekBack) {
            directives.add(new Directive.SeekBack((int) Math.floor(next.furthest())));
        }
        directives.addAll(standing(next, motion.position(), beat.playbackRate()));
        directives.remove(new Directive.Continue());
        if (directives.isEmpty()) {
            directives.add(new Directive.Continue());
        }
        return directives;
    }

    /** Answers a presence check: the right code clears it, a wrong one replaces it with a new code. */
    public BeatOutcome answerPresence(PlaybackSession session, String challengeId, String code) {
        Challenge pending = requirePending(session, challengeId, Challenge.Kind.PRESENCE_CODE);
        PlaybackSession.Draft draft = session.draft();
        boolean correct = MessageDigest.isEqual(pending.code().getBytes(StandardCharsets.UTF_8),
                code.getBytes(StandardCharsets.UTF_8));
        ChallengeOutcome outcome = correct ? ChallengeOutcome.PASSED : ChallengeOutcome.FAILED;
        if (correct) {
            draft.pendingChallenge = null;
            draft.nextCheckAfterMs = drawNextCheck(session.policy());
        } else {
            draft.pendingChallenge = new Challenge(newId(), Challenge.Kind.PRESENCE_CODE, presenceCode(), clock.millis());
        }
        PlaybackSession next = draft.build();
        return new BeatOutcome(next, true, 0, 0, null, standing(next, next.lastPosition(), next.lastRate()),
                List.of(new ChallengeResolved(pending.id(), ChallengeKind.PRESENCE_CODE, outcome)), false);
    }

    /** Resolves a step-up check when the access token now shows a fresh enough identity verification. */
    public BeatOutcome confirmStepUp(PlaybackSession session, String challengeId, @Nullable Instant identityVerifiedAt) {
        Challenge pending = requirePending(session, challengeId, Challenge.Kind.STEP_UP);
        if (!stepUpFresh(identityVerifiedAt, session.policy(), clock.millis())) {
            throw new PlaybackRefusedException(PlaybackRefusedException.Code.STEP_UP_NOT_DONE,
                    "the access token shows no recent identity verification");
        }
        PlaybackSession.Draft draft = session.draft();
        draft.pendingChallenge = null;
        PlaybackSession next = draft.build();
        return new BeatOutcome(next, true, 0, 0, null, standing(next, next.lastPosition(), next.lastRate()),
                List.of(new ChallengeResolved(pending.id(), ChallengeKind.STEP_UP, ChallengeOutcome.PASSED)), false);
    }

    /** Marks a cue passed (learning-service's cue pass was verified by the caller). Idempotent. */
    public BeatOutcome passCue(PlaybackSession session, String cueId) {
        requireActive(session);
        PlaybackSession.Draft draft = session.draft();
        boolean known = false;
        boolean changed = false;
        for (int i = 0; i < draft.cues.size(); i++) {
            CuePoint cue = draft.cues.get(i);
            if (cue.id().equals(cueId)) {
                known = true;
                if (!cue.passed()) {
                    draft.cues.set(i, new CuePoint(cue.id(), cue.atSecond(), true));
                    changed = true;
                }
            }
        }
        if (!known) {
            throw new PlaybackRefusedException(PlaybackRefusedException.Code.UNKNOWN_CUE, "no cue " + cueId + " in this lesson");
        }
        if (!changed) {
            return BeatOutcome.unchanged(session, standing(session, session.lastPosition(), session.lastRate()));
        }
        PlaybackSession next = draft.build();
        return new BeatOutcome(next, true, 0, 0, null, standing(next, next.lastPosition(), next.lastRate()),
                List.of(new ChallengeResolved(cueId, ChallengeKind.CUE_QUIZ, ChallengeOutcome.PASSED)), false);
    }

    /** Ends a session ({@code ENDED} by the player, or e.g. {@code CONCURRENT_SESSION}). Idempotent. */
    public BeatOutcome end(PlaybackSession session, String reason, boolean byPlayer) {
        if (!session.active()) {
            return BeatOutcome.unchanged(session, List.of(terminated(session)));
        }
        PlaybackSession.Draft draft = session.draft();
        draft.status = byPlayer ? PlaybackSession.Status.ENDED : PlaybackSession.Status.TERMINATED;
        draft.endReason = reason;
        PlaybackSession next = draft.build();
        return new BeatOutcome(next, true, 0, 0, null, List.of(terminated(next)),
                List.of(new SessionEnded(reason, (int) Math.floor(session.lastPosition()))), false);
    }

    /** The directives that hold regardless of this beat's motion. */
    List<Directive> standing(PlaybackSession session, double position, double rate) {
        if (!session.active()) {
            return List.of(terminated(session));
        }
        List<Directive> directives = new ArrayList<>();
        if (session.pendingChallenge() != null) {
            directives.add(new Directive.PauseForIdentityCheck(session.pendingChallenge()));
        }
        CuePoint gate = session.firstUnpassedCue();
        if (gate != null && position + 0.5 >= gate.atSecond()) {
            directives.add(new Directive.ShowQuiz(gate.id(), gate.atSecond()));
        }
        if (rate > session.policy().maxPlaybackRate() + EPSILON) {
            directives.add(new Directive.LimitRate(session.policy().maxPlaybackRate()));
        }
        if (directives.isEmpty()) {
            directives.add(new Directive.Continue());
        }
        return directives;
    }

    private static Directive terminated(PlaybackSession session) {
        return new Directive.Terminated(session.endReason() == null ? "SESSION_ENDED" : session.endReason());
    }

    private static void requireActive(PlaybackSession session) {
        if (!session.active()) {
            throw new PlaybackRefusedException(PlaybackRefusedException.Code.SESSION_NOT_ACTIVE,
                    "the playback session is over: " + session.endReason());
        }
    }

    private static Challenge requirePending(PlaybackSession session, String challengeId, Challenge.Kind kind) {
        requireActive(session);
        Challenge pending = session.pendingChallenge();
        if (pending == null || !pending.id().equals(challengeId)) {
            throw new PlaybackRefusedException(PlaybackRefusedException.Code.CHALLENGE_NOT_PENDING,
                    "challenge " + challengeId + " is not pending");
        }
        if (pending.kind() != kind) {
            throw new PlaybackRefusedException(PlaybackRefusedException.Code.WRONG_CHALLENGE_KIND,
                    "challenge " + challengeId + " is a " + pending.kind());
        }
        return pending;
    }

    private static boolean stepUpFresh(@Nullable Instant identityVerifiedAt, Policy policy, long nowMs) {
        Integer maxAge = policy.stepUpMaxAgeSeconds();
        return maxAge == null || identityVerifiedAt != null
                && nowMs - identityVerifiedAt.toEpochMilli() <= maxAge * 1000L;
    }

    private long drawNextCheck(Policy policy) {
        if (policy.identityCheck() == null) {
            return Long.MAX_VALUE;
        }
        int min = policy.identityCheck().minIntervalSeconds();
        int max = policy.identityCheck().maxIntervalSeconds();
        return (min + (long) random.nextInt(max - min + 1)) * 1000L;
    }

    private String presenceCode() {
        StringBuilder code = new StringBuilder(PRESENCE_CODE_DIGITS);
        for (int i = 0; i < PRESENCE_CODE_DIGITS; i++) {
            code.append((char) ('0' + random.nextInt(10)));
        }
        return code.toString();
    }

    private String newId() {
        return Long.toHexString(random.nextLong() & Long.MAX_VALUE) + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
    }

    /** The 2026 study-time rule's share of a lesson ({@link StudyTimeRule#recognisedPercent}). */
    public static int recognisedPercent(long studyMillis, int recognisedSeconds) {
        return StudyTimeRule.recognisedPercent(studyMillis, recognisedSeconds);
    }

    /** The lesson progress the session stands at, by its credit mode ({@link StudyTimeRule}). */
    public static int progressPercent(PlaybackSession session) {
        return StudyTimeRule.lessonPercent(session.policy().creditMode(), session.coverage().seconds(),
                session.durationSeconds(), session.studyMillis(), session.recognisedSeconds());
    }
}

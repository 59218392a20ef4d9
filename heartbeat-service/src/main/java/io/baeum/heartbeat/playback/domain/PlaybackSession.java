package io.baeum.heartbeat.playback.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.baeum.contract.playback.PlaybackGrant.CuePoint;
import io.baeum.contract.playback.PlaybackGrant.DailyUsage;
import io.baeum.contract.playback.PlaybackGrant.Policy;
import io.baeum.contract.playback.PlaybackGrant.StudyPeriod;

/**
 * Everything the judge knows about one playback session between two beats, in groups: the {@link Terms}
 * fixed by the grant (lesson, policy snapshot, study period), the cues with their passed flags, and what
 * happened so far ({@link LastBeat}, the current continuous-playback {@link Segment}, what was
 * {@link Credited}, the {@link IdentityChecks}). Immutable; the judge returns a new one per accepted beat.
 * {@link #version()} increases with every change (optimistic concurrency in the store). The accessors
 * below the components are shortcuts into the groups.
 *
 * @param terms     what the grant fixed when the session opened
 * @param cues      cue points with their passed flags, ascending
 * @param status    active or over
 * @param endReason why it is over ({@code null} while active)
 * @param version   change counter
 * @param last      the last accepted beat (or the start)
 * @param segment   the current continuous-playback segment
 * @param credited  what legitimate playback earned so far (including what the grant brought)
 * @param checks    random identity checks
 */
public record PlaybackSession(Terms terms, List<CuePoint> cues, Status status, @Nullable String endReason, long version,
                              LastBeat last, Segment segment, Credited credited, IdentityChecks checks) {

    public PlaybackSession {
        Objects.requireNonNull(terms, "terms");
        cues = List.copyOf(cues);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(checks, "checks");
    }

    /**
     * What a session cannot change after it opened.
     *
     * @param id                playback session id
     * @param accountId         the trainee
     * @param enrollmentId      enrollment
     * @param courseId          course
     * @param lessonId          lesson
     * @param grantId           the grant that opened it (evidence)
     * @param durationSeconds   video length
     * @param recognisedSeconds recognised study time (time mode)
     * @param policy            the policy snapshot
     * @param studyPeriod       cohort study period
     * @param grantDay          daily usage as learning-service knew it when issuing the grant
     * @param startedAtMs       server time it opened
     */
    public record Terms(String id, String accountId, String enrollmentId, String courseId, String lessonId,
                        String grantId, int durationSeconds, int recognisedSeconds, Policy policy,
                        StudyPeriod studyPeriod, DailyUsage grantDay, long startedAtMs) {

        public Terms {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(studyPeriod, "studyPeriod");
            Objects.requireNonNull(grantDay, "grantDay");
        }
    }

    /**
     * The last accepted beat.
     *
     * @param sequence   its sequence number, -1 before any
     * @param serverMs   server time it arrived (or the start)
     * @param position   media position
     * @param state      player state
     * @param visibility page visibility
     * @param rate       playback rate
     */
    public record LastBeat(long sequence, long serverMs, double position, PlayerState state, Visibility visibility,
                           double rate) {

        public LastBeat {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(visibility, "visibility");
        }
    }

    /**
     * The current continuous-playback segment: what the maximum rate allows is measured from its start.
     *
     * @param startMs         server time it started
     * @param credited        media seconds credited in it (exact)
     * @param creditedSeconds whole media seconds credited in it
     */
    public record Segment(long startMs, double credited, int creditedSeconds) {

        static Segment startingAt(long nowMs) {
            return new Segment(nowMs, 0, 0);
        }
    }

    /**
     * What legitimate playback earned.
     *
     * @param furthest    furthest media second reached by legitimate playback
     * @param coverage    media seconds credited
     * @param studyMillis real study time credited
     */
    public record Credited(double furthest, Coverage coverage, long studyMillis) {

        public Credited {
            Objects.requireNonNull(coverage, "coverage");
        }
    }

    /**
     * Random identity checks during playback.
     *
     * @param playbackMsSinceCheck legitimate playback time since the last check
     * @param nextCheckAfterMs     playback time after which the next check is due
     * @param pending              the check waiting for an answer, if any
     */
    public record IdentityChecks(long playbackMsSinceCheck, long nextCheckAfterMs, @Nullable Challenge pending) {
    }

    // shortcuts into the groups

    public String id() {
        return terms.id();
    }

    public String accountId() {
        return terms.accountId();
    }

    public String enrollmentId() {
        return terms.enrollmentId();
    }

    public String courseId() {
        return terms.courseId();
    }

    public String lessonId() {
        return terms.lessonId();
    }

    public String grantId() {
        return terms.grantId();
    }

    public int durationSeconds() {
        return terms.durationSeconds();
    }

    public int recognisedSeconds() {
        return terms.recognisedSeconds();
    }

    public Policy policy() {
        return terms.policy();
    }

    public StudyPeriod studyPeriod() {
        return terms.studyPeriod();
    }

    public long startedAtMs() {
        return terms.startedAtMs();
    }

    public long lastSequence() {
        return last.sequence();
    }

    public long lastServerMs() {
        return last.serverMs();
    }

    public double lastPosition() {
        return last.position();
    }

    public PlayerState lastState() {
        return last.state();
    }

    public Visibility lastVisibility() {
        return last.visibility();
    }

    public double lastRate() {
        return last.rate();
    }

    public long segmentStartMs() {
        return segment.startMs();
    }

    public double segmentCredited() {
        return segment.credited();
    }

    public int segmentCreditedSeconds() {
        return segment.creditedSeconds();
    }

    public double furthest() {
        return credited.furthest();
    }

    public Coverage coverage() {
        return credited.coverage();
    }

    public long studyMillis() {
        return credited.studyMillis();
    }

    public @Nullable Challenge pendingChallenge() {
        return checks.pending();
    }

    /** Whether a session is still being played. */
    public enum Status {
        ACTIVE, ENDED, TERMINATED
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    /** The first cue (lowest second) whose quiz is not passed, or {@code null}. */
    public @Nullable CuePoint firstUnpassedCue() {
        CuePoint first = null;
        for (CuePoint cue : cues) {
            if (!cue.passed() && (first == null || cue.atSecond() < first.atSecond())) {
                first = cue;
            }
        }
        return first;
    }

    /** The day's usage learning-service reported, if the grant was issued on {@code day}. */
    public @Nullable DailyUsage grantUsageOn(LocalDate day) {
        return terms.grantDay().date().equals(day) ? terms.grantDay() : null;
    }

    Draft draft() {
        return new Draft(this);
    }

    /** A mutable copy the judge edits, then builds into the next version. */
    static final class Draft {
        final PlaybackSession base;
        List<CuePoint> cues;
        Status status;
        @Nullable String endReason;
        long lastSequence;
        long lastServerMs;
        double lastPosition;
        PlayerState lastState;
        Visibility lastVisibility;
        double lastRate;
        long segmentStartMs;
        double segmentCredited;
        int segmentCreditedSeconds;
        double furthest;
        Coverage coverage;
        long studyMillis;
        long playbackMsSinceCheck;
        long nextCheckAfterMs;
        @Nullable Challenge pendingChallenge;

        Draft(PlaybackSession s) {
            base = s;
            cues = new ArrayList<>(s.cues);
            status = s.status;
            endReason = s.endReason;
            lastSequence = s.last.sequence();
            lastServerMs = s.last.serverMs();
            lastPosition = s.last.position();
            lastState = s.last.state();
            lastVisibility = s.last.visibility();
            lastRate = s.last.rate();
            segmentStartMs = s.segment.startMs();
            segmentCredited = s.segment.credited();
            segmentCreditedSeconds = s.segment.creditedSeconds();
            furthest = s.credited.furthest();
            coverage = s.credited.coverage();
            studyMillis = s.credited.studyMillis();
            playbackMsSinceCheck = s.checks.playbackMsSinceCheck();
            nextCheckAfterMs = s.checks.nextCheckAfterMs();
            pendingChallenge = s.checks.pending();
        }

        void restartSegment(long nowMs) {
            segmentStartMs = nowMs;
            segmentCredited = 0;
            segmentCreditedSeconds = 0;
        }

        PlaybackSession build() {
            return new PlaybackSession(base.terms, cues, status, endReason, base.version + 1,
                    new LastBeat(lastSequence, lastServerMs, lastPosition, lastState, lastVisibility, lastRate),
                    new Segment(segmentStartMs, segmentCredited, segmentCreditedSeconds),
                    new Credited(furthest, coverage, studyMillis),
                    new IdentityChecks(playbackMsSinceCheck, nextCheckAfterMs, pendingChallenge));
        }
    }
}

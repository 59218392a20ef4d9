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
 * Everything the judge knows about one playback session between two beats: the terms from the grant
 * (lesson, policy snapshot, cues, study period) and what happened so far. Immutable; the judge returns
 * a new one per accepted beat. {@link #version()} increases with every change (optimistic concurrency
 * in the store).
 *
 * @param id                   playback session id
 * @param accountId            the trainee
 * @param enrollmentId         enrollment
 * @param courseId             course
 * @param lessonId             lesson
 * @param grantId              the grant that opened it (evidence)
 * @param durationSeconds      video length
 * @param recognisedSeconds    recognised study time (time mode)
 * @param policy               the policy snapshot
 * @param cues                 cue points with their passed flags, ascending
 * @param studyPeriod          cohort study period
 * @param grantDay             daily usage as learning-service knew it when issuing the grant
 * @param status               active or over
 * @param endReason            why it is over ({@code null} while active)
 * @param version              change counter
 * @param startedAtMs          server time it opened
 * @param lastSequence         sequence of the last accepted beat, -1 before any
 * @param lastServerMs         server time of the last accepted beat (or the start)
 * @param lastPosition         media position of the last beat
 * @param lastState            player state of the last beat
 * @param lastVisibility       visibility of the last beat
 * @param lastRate             playback rate of the last beat
 * @param segmentStartMs       server time the current continuous-playback segment started
 * @param segmentCredited      media seconds credited in the segment (exact)
 * @param segmentCreditedSeconds whole media seconds credited in the segment
 * @param furthest             furthest media second reached by legitimate playback
 * @param coverage             media seconds credited (including what the grant brought)
 * @param studyMillis          real study time credited (including what the grant brought)
 * @param playbackMsSinceCheck legitimate playback time since the last identity check
 * @param nextCheckAfterMs     playback time after which the next identity check is due
 * @param pendingChallenge     the identity check waiting for an answer, if any
 */
public record PlaybackSession(
        String id,
        String accountId,
        String enrollmentId,
        String courseId,
        String lessonId,
        String grantId,
        int durationSeconds,
        int recognisedSeconds,
        Policy policy,
        List<CuePoint> cues,
        StudyPeriod studyPeriod,
        DailyUsage grantDay,
        Status status,
        @Nullable String endReason,
        long version,
        long startedAtMs,
        long lastSequence,
        long lastServerMs,
        double lastPosition,
        PlayerState lastState,
        Visibility lastVisibility,
        double lastRate,
        long segmentStartMs,
        double segmentCredited,
        int segmentCreditedSeconds,
        double furthest,
        Coverage coverage,
        long studyMillis,
        long playbackMsSinceCheck,
        long nextCheckAfterMs,
        @Nullable Challenge pendingChallenge) {

    public PlaybackSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(policy, "policy");
        cues = List.copyOf(cues);
        Objects.requireNonNull(studyPeriod, "studyPeriod");
        Objects.requireNonNull(grantDay, "grantDay");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastState, "lastState");
        Objects.requireNonNull(lastVisibility, "lastVisibility");
        Objects.requireNonNull(coverage, "coverage");
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
        return grantDay.date().equals(day) ? grantDay : null;
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
            lastSequence = s.lastSequence;
            lastServerMs = s.lastServerMs;
            lastPosition = s.lastPosition;
            lastState = s.lastState;
            lastVisibility = s.lastVisibility;
            lastRate = s.lastRate;
            segmentStartMs = s.segmentStartMs;
            segmentCredited = s.segmentCredited;
            segmentCreditedSeconds = s.segmentCreditedSeconds;
            furthest = s.furthest;
            coverage = s.coverage;
            studyMillis = s.studyMillis;
            playbackMsSinceCheck = s.playbackMsSinceCheck;
            nextCheckAfterMs = s.nextCheckAfterMs;
            pendingChallenge = s.pendingChallenge;
        }

        void restartSegment(long nowMs) {
            segmentStartMs = nowMs;
            segmentCredited = 0;
            segmentCreditedSeconds = 0;
        }

        PlaybackSession build() {
            PlaybackSession s = base;
            return new PlaybackSession(s.id, s.accountId, s.enrollmentId, s.courseId, s.lessonId, s.grantId,
                    s.durationSeconds, s.recognisedSeconds, s.policy, cues, s.studyPeriod, s.grantDay,
                    status, endReason, s.version + 1, s.startedAtMs, lastSequence, lastServerMs, lastPosition,
                    lastState, lastVisibility, lastRate, segmentStartMs, segmentCredited, segmentCreditedSeconds,
                    furthest, coverage, studyMillis, playbackMsSinceCheck, nextCheckAfterMs, pendingChallenge);
        }
    }
}

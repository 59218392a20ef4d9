package io.baeum.contract.playback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What learning-service vouches for when a trainee opens a lesson, and everything heartbeat-service
 * needs to judge that playback session without calling learning-service: the enrollment, lesson and
 * video, the HRD policy snapshot in force, cue points, positions, what is already credited, the study
 * period and today's usage. Carried as a signed JWT (see {@link PlaybackTokens} and
 * {@code docs/playback-grant.md}).
 *
 * @param grantId      unique id ({@code jti}); a grant starts at most one playback session
 * @param accountId    the trainee ({@code sub}); must equal the access token's subject
 * @param enrollmentId the enrollment (수강신청)
 * @param courseId     the course (과정)
 * @param cohortId     the cohort (회차)
 * @param lessonId     the lesson (차시)
 * @param video        the lesson's video
 * @param policy       the policy snapshot the session is judged by
 * @param cues         the lesson's cue points (in-video quizzes), ascending by second
 * @param positions    where to resume and the furthest point already watched
 * @param credited     what is already credited for this lesson
 * @param studyPeriod  the cohort's study period (inclusive dates)
 * @param today        the trainee's usage today (dates in the policy's zone)
 * @param issuedAt     {@code iat}
 * @param expiresAt    {@code exp}: the grant only opens a session; it is short-lived
 */
public record PlaybackGrant(
        String grantId,
        String accountId,
        String enrollmentId,
        String courseId,
        String cohortId,
        String lessonId,
        Video video,
        Policy policy,
        List<CuePoint> cues,
        Positions positions,
        Credited credited,
        StudyPeriod studyPeriod,
        DailyUsage today,
        Instant issuedAt,
        Instant expiresAt) {

    public PlaybackGrant {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(cohortId, "cohortId");
        Objects.requireNonNull(lessonId, "lessonId");
        Objects.requireNonNull(video, "video");
        Objects.requireNonNull(policy, "policy");
        cues = List.copyOf(cues);
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(studyPeriod, "studyPeriod");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        for (CuePoint cue : cues) {
            if (cue.atSecond() > video.durationSeconds()) {
                throw new IllegalArgumentException("cue " + cue.id() + " lies beyond the video");
            }
        }
    }

    /**
     * @param durationSeconds   length of the video
     * @param recognisedSeconds recognised study time of the lesson (인정 시간), the basis of time-mode credit
     */
    public record Video(int durationSeconds, int recognisedSeconds) {
        public Video {
            if (durationSeconds <= 0 || recognisedSeconds <= 0) {
                throw new IllegalArgumentException("duration and recognised time must be positive");
            }
        }
    }

    /** How credit is counted. */
    public enum CreditMode {
        /** The set of media seconds watched (a second counts once). */
        COVERAGE,
        /** Real elapsed study time (the 2026 rule): counts from 50% of the recognised time, full at 100%. */
        TIME
    }

    /** What seeking is allowed. */
    public enum SeekRule {
        /** Anywhere. */
        FREE,
        /** Only within what was already watched (up to the furthest point). */
        WATCHED_ONLY
    }

    /**
     * The HRD policy snapshot (a version of the training type's policy in force on the day).
     *
     * @param version                   id of the policy version, kept as evidence
     * @param creditMode                coverage or time
     * @param maxPlaybackRate           highest playback rate that earns credit (e.g. 1.5)
     * @param seekRule                  free or watched-only
     * @param identityCheck             random presence checks, or {@code null} for none
     * @param stepUpMaxAgeSeconds       when set, the access token's {@code idv_at} must be at most this old
     * @param dailyLessonCap            lessons a trainee may study per day (e.g. 8)
     * @param heartbeatIntervalSeconds  how often the player beats (e.g. 10)
     * @param completionThresholdPercent share of the lesson that completes it (e.g. 80)
     */
    public record Policy(
            String version,
            CreditMode creditMode,
            double maxPlaybackRate,
            SeekRule seekRule,
            @Nullable IdentityCheck identityCheck,
            @Nullable Integer stepUpMaxAgeSeconds,
            int dailyLessonCap,
            int heartbeatIntervalSeconds,
            int completionThresholdPercent) {

        public Policy {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(creditMode, "creditMode");
            Objects.requireNonNull(seekRule, "seekRule");
            if (!(maxPlaybackRate >= 1.0 && maxPlaybackRate <= 4.0)) {
                throw new IllegalArgumentException("maxPlaybackRate must be within [1, 4]");
            }
            if (dailyLessonCap <= 0 || heartbeatIntervalSeconds <= 0 || heartbeatIntervalSeconds > 300) {
                throw new IllegalArgumentException("dailyLessonCap and heartbeatIntervalSeconds must be positive");
            }
            if (completionThresholdPercent < 1 || completionThresholdPercent > 100) {
                throw new IllegalArgumentException("completionThresholdPercent must be within [1, 100]");
            }
            if (stepUpMaxAgeSeconds != null && stepUpMaxAgeSeconds <= 0) {
                throw new IllegalArgumentException("stepUpMaxAgeSeconds must be positive");
            }
        }
    }

    /** Presence checks at random times, between {@code minIntervalSeconds} and {@code maxIntervalSeconds} apart. */
    public record IdentityCheck(int minIntervalSeconds, int maxIntervalSeconds) {
        public IdentityCheck {
            if (minIntervalSeconds <= 0 || maxIntervalSeconds < minIntervalSeconds) {
                throw new IllegalArgumentException("identity-check interval must be positive and ordered");
            }
        }
    }

    /** A quiz at a media second; progress past it counts only after it is passed. */
    public record CuePoint(String id, int atSecond, boolean passed) {
        public CuePoint {
            Objects.requireNonNull(id, "id");
            if (atSecond < 0) {
                throw new IllegalArgumentException("cue second must not be negative");
            }
        }
    }

    /** Resume position (이어보기) and the furthest second already watched. */
    public record Positions(int resumeSecond, int furthestSecond) {
        public Positions {
            if (resumeSecond < 0 || furthestSecond < 0) {
                throw new IllegalArgumentException("positions must not be negative");
            }
        }
    }

    /** A half-open range of media seconds {@code [fromSecond, toSecond)}. */
    public record SecondRange(int fromSecond, int toSecond) {
        public SecondRange {
            if (fromSecond < 0 || toSecond <= fromSecond) {
                throw new IllegalArgumentException("range must satisfy 0 <= from < to");
            }
        }
    }

    /** Already credited: watched ranges (coverage mode) and study milliseconds (time mode). */
    public record Credited(List<SecondRange> ranges, long studyMillis) {
        public Credited {
            ranges = List.copyOf(ranges);
            if (studyMillis < 0) {
                throw new IllegalArgumentException("studyMillis must not be negative");
            }
        }
    }

    /** Inclusive study period, in {@code zone} (Asia/Seoul). */
    public record StudyPeriod(LocalDate from, LocalDate to, String zone) {
        public StudyPeriod {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(zone, "zone");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("study period ends before it starts");
            }
        }
    }

    /**
     * Usage on {@code date} as learning-service knows it when issuing the grant.
     *
     * @param date              the day in the study period's zone
     * @param lessonsStudied    distinct lessons already studied that day
     * @param thisLessonCounted whether this lesson is among them (re-opening it costs nothing)
     */
    public record DailyUsage(LocalDate date, int lessonsStudied, boolean thisLessonCounted) {
        public DailyUsage {
            Objects.requireNonNull(date, "date");
            if (lessonsStudied < 0) {
                throw new IllegalArgumentException("lessonsStudied must not be negative");
            }
        }
    }
}

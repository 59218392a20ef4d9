package io.baeum.learning.playback.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;
import io.baeum.contract.playback.PlaybackGrant;
import io.baeum.contract.playback.PlaybackGrant.CreditMode;
import io.baeum.contract.playback.PlaybackGrant.SeekRule;
import io.baeum.learning.policy.domain.HrdPolicy;

/**
 * Whether a trainee may open a lesson now, and the grant that says so. Refusals, in the order
 * checked: {@code NOT_ENROLLED}, {@code LESSON_HAS_NO_VIDEO}, {@code OUTSIDE_STUDY_PERIOD},
 * {@code LESSON_LOCKED} (unlock rule), {@code DAILY_CAP_REACHED}, {@code STEP_UP_REQUIRED}.
 */
public final class PlaybackRules {

    public static final String ZONE = "Asia/Seoul";

    private PlaybackRules() {
    }

    /**
     * @param context            what is known about the enrollment and lesson
     * @param callerId           the access token's subject
     * @param identityVerifiedAt the access token's {@code idv_at}
     * @param grantId            a fresh id
     * @param now                server time
     * @param lifetime           how long the grant may open a session
     */
    public static PlaybackGrant decide(PlaybackContext context, String callerId, @Nullable Instant identityVerifiedAt,
                                       String grantId, Instant now, Duration lifetime) {
        if (!context.accountId().equals(callerId) || !"ACTIVE".equals(context.enrollmentStatus())) {
            throw DomainException.forbidden("NOT_ENROLLED", "no active enrollment of the caller");
        }
        if (context.videoId() == null || context.durationSeconds() == null || context.recognisedSeconds() == null) {
            throw DomainException.conflict("LESSON_HAS_NO_VIDEO", "the lesson has no video");
        }
        LocalDate today = context.today();
        if (today.isBefore(context.studyFrom()) || today.isAfter(context.studyTo())) {
            throw DomainException.forbidden("OUTSIDE_STUDY_PERIOD", "today is outside the study period",
                    context.studyFrom(), context.studyTo());
        }
        HrdPolicy policy = context.policy();
        if (policy.unlockPercent() != null && context.previousLessonPercent() != null
                && context.previousLessonPercent() < policy.unlockPercent()) {
            throw DomainException.forbidden("LESSON_LOCKED", "the previous lesson is not far enough",
                    policy.unlockPercent(), context.previousLessonPercent());
        }
        if (!context.thisLessonToday() && context.lessonsToday() >= policy.dailyLessonCap()) {
            throw DomainException.forbidden("DAILY_CAP_REACHED", "the daily lesson cap is reached", policy.dailyLessonCap());
        }
        boolean stepUpPoint = !context.thisLessonStarted() && policy.isStepUpPoint(context.lessonsStarted() + 1);
        if (stepUpPoint) {
            Instant oldest = now.minusSeconds(policy.stepUpMaxAgeSeconds());
            if (identityVerifiedAt == null || identityVerifiedAt.isBefore(oldest)) {
                throw DomainException.forbidden("STEP_UP_REQUIRED", "identity verification is required before this lesson",
                        policy.stepUpMaxAgeSeconds());
            }
        }
        int duration = context.durationSeconds();
        List<PlaybackGrant.CuePoint> cues = context.cues().stream()
                .filter(c -> c.atSecond() <= duration)
                .map(c -> new PlaybackGrant.CuePoint(c.quizId().toString(), c.atSecond(), c.passed()))
                .toList();
        List<PlaybackGrant.SecondRange> ranges = context.watched().ranges().stream()
                .map(r -> new PlaybackGrant.SecondRange(r[0], r[1])).toList();
        PlaybackGrant.Policy snapshot = new PlaybackGrant.Policy(policy.versionId(),
                CreditMode.valueOf(policy.creditMode()), policy.maxPlaybackRate(), SeekRule.valueOf(policy.seekRule()),
                policy.idCheckMinSeconds() == null ? null
                        : new PlaybackGrant.IdentityCheck(policy.idCheckMinSeconds(), policy.idCheckMaxSeconds()),
                stepUpPoint ? policy.stepUpMaxAgeSeconds() : null,
                policy.dailyLessonCap(), policy.heartbeatSeconds(), policy.lessonCompletionPercent());
        return new PlaybackGrant(grantId, context.accountId(), context.enrollmentId().toString(), context.courseId().toString(),
                context.cohortId().toString(), context.lessonId().toString(),
                new PlaybackGrant.Video(duration, context.recognisedSeconds()), snapshot, cues,
                new PlaybackGrant.Positions(Math.min(context.resumeSecond(), duration), context.watched().furthest()),
                new PlaybackGrant.Credited(ranges, context.studyMillis()),
                new PlaybackGrant.StudyPeriod(context.studyFrom(), context.studyTo(), ZONE),
                new PlaybackGrant.DailyUsage(today, context.lessonsToday(), context.thisLessonToday()),
                now, now.plus(lifetime));
    }
}

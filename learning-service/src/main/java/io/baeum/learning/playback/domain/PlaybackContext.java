package io.baeum.learning.playback.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.learning.policy.domain.HrdPolicy;
import io.baeum.learning.progress.domain.WatchedSeconds;

/**
 * What learning-service knows when a trainee opens a lesson of an enrollment.
 *
 * @param enrollmentId        the enrollment
 * @param accountId           its trainee
 * @param enrollmentStatus    its status
 * @param courseId            the course
 * @param cohortId            the cohort
 * @param studyFrom           study period start
 * @param studyTo             study period end
 * @param policy              the policy in force for the cohort
 * @param lessonId            the lesson
 * @param videoId             its video, or null
 * @param durationSeconds     video length
 * @param recognisedSeconds   recognised study time
 * @param previousLessonPercent progress of the lesson before it in course order, or null for the first lesson
 * @param watched             seconds already credited
 * @param studyMillis         study time already credited
 * @param resumeSecond        resume position
 * @param lessonsStarted      distinct lessons of the enrollment already started
 * @param thisLessonStarted   whether this one is among them
 * @param lessonsToday        distinct lessons the trainee studied today
 * @param thisLessonToday     whether this one is among them
 * @param today               today in the policy zone
 * @param cues                the lesson's cue points and whether the trainee passed each
 */
public record PlaybackContext(UUID enrollmentId, String accountId, String enrollmentStatus, UUID courseId, UUID cohortId,
                              LocalDate studyFrom, LocalDate studyTo, HrdPolicy policy, UUID lessonId,
                              @Nullable String videoId, @Nullable Integer durationSeconds, @Nullable Integer recognisedSeconds,
                              @Nullable Integer previousLessonPercent, WatchedSeconds watched, long studyMillis,
                              int resumeSecond, int lessonsStarted, boolean thisLessonStarted, int lessonsToday,
                              boolean thisLessonToday, LocalDate today, List<Cue> cues) {

    public PlaybackContext {
        cues = List.copyOf(cues);
    }

    /** A cue point of the lesson: the quiz id, its second, whether this trainee passed it. */
    public record Cue(UUID quizId, int atSecond, boolean passed) {
    }
}

package io.baeum.learning.progress.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Progress facts other services act on, in the past tense; each record is the {@code data} of a CloudEvent
 * {@code io.baeum.learning.<RecordName>.v1}. exam-service opens evaluations by them (stage evaluations after a
 * lesson, the final exam at 80 % course progress): its {@code LearningEventsListener} reads {@code accountId},
 * {@code courseId}, {@code lessonId}, {@code progressPercent} and {@code courseProgressPercent}.
 */
public sealed interface ProgressMilestone {

    /** The course-progress thresholds announced once each (the unlocking rules' 50 % and 80 %). */
    List<Integer> COURSE_MILESTONES = List.of(50, 80);

    UUID enrollmentId();

    /** A lesson reached its completion threshold (its {@code progressPercent}) for the first time. */
    record LessonCompleted(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId, UUID lessonId, int progressPercent,
                           BigDecimal courseProgressPercent, Instant completedAt) implements ProgressMilestone {
    }

    /** Course progress (진도율) crossed {@code milestone} percent; {@code progressPercent} is the progress now. */
    record CourseProgressMilestoneReached(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId, int milestone,
                                          BigDecimal progressPercent, Instant reachedAt) implements ProgressMilestone {
    }

    /** The milestones a change of course progress from {@code before} to {@code after} crossed, lowest first. */
    static List<Integer> crossed(BigDecimal before, BigDecimal after) {
        List<Integer> crossed = new ArrayList<>();
        for (int milestone : COURSE_MILESTONES) {
            BigDecimal m = BigDecimal.valueOf(milestone);
            if (before.compareTo(m) < 0 && after.compareTo(m) >= 0) {
                crossed.add(milestone);
            }
        }
        return crossed;
    }

    /** The course milestones crossed, as events. */
    static List<ProgressMilestone> courseMilestones(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId,
                                                    BigDecimal before, BigDecimal after, Instant at) {
        return crossed(before, after).stream()
                .<ProgressMilestone>map(m -> new CourseProgressMilestoneReached(enrollmentId, cohortId, courseId, accountId, m, after, at))
                .toList();
    }
}

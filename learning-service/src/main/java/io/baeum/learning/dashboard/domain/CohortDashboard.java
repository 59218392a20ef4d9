package io.baeum.learning.dashboard.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The instructor's view of one cohort: who it is, its counts, the grading queue and one page of learners.
 *
 * @param learners     one page of the learner table (sorted and paginated)
 * @param gradingQueue what learning knows of grading (the queue itself is exam-service's)
 */
public record CohortDashboard(UUID cohortId, String cohortName, UUID courseId, String courseTitle, LocalDate studyFrom,
                              LocalDate studyTo, long enrolled, long completed, long failed, BigDecimal averageProgress,
                              GradingQueue gradingQueue, List<LearnerRow> learners) {

    public CohortDashboard {
        learners = List.copyOf(learners);
    }

    /**
     * One learner of the table. The name is auth-service's: learning holds the account id only.
     *
     * @param flags proxy-study (대리수강) flags awaiting review: 0 until that feature records them
     */
    public record LearnerRow(UUID enrollmentId, String accountId, BigDecimal progressPercent, int completedLessons,
                             @Nullable Instant lastStudiedAt, @Nullable BigDecimal stageScore, @Nullable BigDecimal finalScore,
                             @Nullable BigDecimal assignmentScore, @Nullable BigDecimal totalScore, @Nullable String outcome,
                             @Nullable String certificateNumber, int flags) {
    }

    /**
     * The grading queue. Ungraded submissions live in exam-service, which sends learning graded results only:
     * {@code pending} is null ({@code available} false) and the figures are what learning has.
     *
     * @param available       whether the pending count is known here (it is not)
     * @param pending         submissions awaiting grading; null when not known
     * @param source          where the queue lives
     * @param resultsRecorded graded results recorded for the cohort
     * @param lateResults     of those, submitted late
     * @param withoutFinal    active learners without a final-exam result yet
     */
    public record GradingQueue(boolean available, @Nullable Long pending, String source, long resultsRecorded, long lateResults,
                               long withoutFinal) {
    }
}

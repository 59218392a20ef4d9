package io.baeum.learning.report.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The auditor's export of a cohort: one row per trainee (ACTIVE enrollments) with the completion criteria.
 *
 * @param policy the completion policy in force for the cohort (the latest effective on or before its start); null if none
 */
public record AuditExport(Cohort cohort, @Nullable Policy policy, List<Row> rows, Instant generatedAt) {

    public AuditExport {
        rows = List.copyOf(rows);
    }

    public record Cohort(UUID cohortId, String cohortName, UUID courseId, String courseTitle, String trainingType,
                         LocalDate studyFrom, LocalDate studyTo, int totalLessons) {
    }

    public record Policy(int version, LocalDate effectiveFrom, int minProgressPercent, int minTotalScore, int finalWeight,
                         int assignmentWeight, int stageWeight, boolean requireOnTime) {
    }

    /**
     * One trainee. Scores per kind: the mean of the latest attempt of each evaluation; total and outcome are the
     * completion decision's (null before it).
     */
    public record Row(UUID enrollmentId, String accountId, BigDecimal progressPercent, int completedLessons,
                      @Nullable BigDecimal stageScore, @Nullable BigDecimal finalScore, @Nullable BigDecimal assignmentScore,
                      long lateResults, @Nullable BigDecimal totalScore, @Nullable String outcome, @Nullable Instant decidedAt,
                      List<ReportFacts.Criterion> criteria, @Nullable String certificateNumber, boolean certificateRevoked) {
        public Row {
            criteria = List.copyOf(criteria);
        }
    }
}

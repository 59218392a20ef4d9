package io.baeum.learning.dashboard.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One card of the trainee's classroom (나의 강의실): an enrollment and where the trainee stands.
 *
 * @param progressPercent course progress (진도율)
 * @param nextLesson      the first lesson, in course order, not completed yet; null when all are
 * @param period          the study period and its deadline
 * @param evaluations     per kind: stage evaluations, final exam, assignments (from exam-service's results)
 * @param completion      the completion decision (수료/미수료), null before it
 * @param certificate     the certificate, null without one
 */
public record TraineeCard(UUID enrollmentId, String status, UUID courseId, String courseTitle, UUID cohortId, String cohortName,
                          StudyPeriod period, BigDecimal progressPercent, int completedLessons, int totalLessons,
                          @Nullable NextLesson nextLesson, Map<EvaluationSummary.Kind, EvaluationSummary> evaluations,
                          @Nullable Completion completion, @Nullable Certificate certificate) {

    public record NextLesson(UUID lessonId, String title, int subjectPosition, int position) {
    }

    public record Completion(String outcome, BigDecimal totalScore, Instant decidedAt) {
    }

    public record Certificate(String number, Instant issuedAt, boolean revoked) {
    }
}

package io.baeum.learning.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Object Mother for what the dashboards and reports read and other features write: enrollments at a given
 * time and progress, lesson progress, exam results, completion decisions and certificates (V5's tables,
 * written straight to the test database, independent of the completion feature's code).
 */
public final class ReportsMother {

    private final LearningMother.Connections database;

    public ReportsMother(LearningMother.Connections database) {
        this.database = database;
    }

    public UUID enrollment(LearningMother.CohortFixture cohort, String accountId, String status, Instant appliedAt,
                           BigDecimal progress, int completedLessons) {
        UUID id = UUID.randomUUID();
        execute("INSERT INTO enrollment (id, cohort_id, course_id, account_id, status, source, applied_at, progress_percent, completed_lessons) "
                + "VALUES (?, ?, ?, ?, ?, 'APPLICATION', ?, ?, ?)", id, cohort.cohortId(), cohort.course().courseId(), accountId, status,
                appliedAt, progress, completedLessons);
        return id;
    }

    public void lessonProgress(UUID enrollment, UUID lesson, int watchedSeconds, int percent, boolean completed, Instant updatedAt) {
        execute("INSERT INTO lesson_progress (enrollment_id, lesson_id, watched_seconds, furthest_second, study_millis, percent, completed, "
                + "completed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", enrollment, lesson, watchedSeconds, watchedSeconds,
                watchedSeconds * 1000L, percent, completed, completed ? updatedAt : null, updatedAt);
    }

    public UUID result(UUID enrollment, String kind, UUID evaluation, int attemptNo, BigDecimal score, boolean passed, boolean onTime,
                       Instant gradedAt) {
        UUID attempt = UUID.randomUUID();
        execute("INSERT INTO evaluation_result (attempt_id, enrollment_id, evaluation_id, evaluation_kind, attempt_no, score, pass_score, "
                + "passed, on_time, auto_submitted, submitted_at, graded_at, revision) VALUES (?, ?, ?, ?, ?, ?, 60, ?, ?, false, ?, ?, 1)",
                attempt, enrollment, evaluation, kind, attemptNo, score, passed, onTime, gradedAt.minusSeconds(3600), gradedAt);
        return attempt;
    }

    /** A decision under the SAEOPJU v1 completion policy (V5's seed). */
    public void completion(UUID enrollment, String outcome, BigDecimal progress, BigDecimal total, String criteriaJson, Instant decidedAt) {
        execute("INSERT INTO completion (enrollment_id, outcome, progress_percent, total_score, criteria, policy_id, decided_at) "
                + "VALUES (?, ?, ?, ?, CAST(? AS jsonb), '00000000-0000-4000-b000-000000000101', ?)", enrollment, outcome, progress, total,
                criteriaJson, decidedAt);
    }

    public void certificate(String number, UUID enrollment, String accountId, LearningMother.CohortFixture cohort, Instant issuedAt,
                            Instant revokedAt) {
        execute("INSERT INTO certificate (number, enrollment_id, account_id, course_id, cohort_id, holder_name, issued_at, kept_until, "
                + "revoked_at, revoked_reason) VALUES (?, ?, ?, ?, ?, '홍길동', ?, ?, ?, ?)", number, enrollment, accountId,
                cohort.course().courseId(), cohort.cohortId(), issuedAt, LocalDate.ofInstant(issuedAt, ZoneOffset.UTC).plusYears(5),
                revokedAt, revokedAt == null ? null : "모사답안 확정");
        execute("INSERT INTO certificate_issue (number, issue_no, form, issued_at, issued_by) VALUES (?, 1, 'HRD', ?, 'system')",
                number, issuedAt);
    }

    public UUID cueQuiz(UUID lesson, int atSecond, String question) {
        UUID quiz = UUID.randomUUID();
        execute("INSERT INTO cue_quiz (id, lesson_id, at_second, question, options, correct_option) VALUES (?, ?, ?, ?, "
                + "CAST('[\"가\", \"나\"]' AS jsonb), 0)", quiz, lesson, atSecond, question);
        return quiz;
    }

    public void cueAttempt(UUID quiz, UUID enrollment, String accountId, int chosen, boolean correct, Instant at) {
        execute("INSERT INTO cue_quiz_attempt (id, quiz_id, enrollment_id, account_id, chosen_option, correct, attempted_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), quiz, enrollment, accountId, chosen, correct, at);
    }

    public void execute(String sql, Object... args) {
        batch(sql, List.<Object[]>of(args));
    }

    /** One statement, many rows, one connection. */
    public void batch(String sql, List<Object[]> rows) {
        try (Connection connection = database.open(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] args : rows) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, jdbc(args[i]));
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Object jdbc(Object arg) {
        if (arg instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (arg instanceof LocalDate date) {
            return java.sql.Date.valueOf(date);
        }
        return arg;
    }
}

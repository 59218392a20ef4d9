package io.baeum.exam.standing.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.exam.standing.domain.Standing;

/**
 * The local copy of learning-service's facts. Enrollment status: the newer event wins (events may be
 * reordered). Progress only grows: the larger value wins, so a late, older progress event is harmless.
 */
@Repository
public class StandingStore {

    private final DatabaseClient db;

    StandingStore(DatabaseClient db) {
        this.db = db;
    }

    /** An enrollment's state as of {@code at}. */
    public record EnrollmentFact(String accountId, String courseId, @Nullable String cohortId, @Nullable String enrollmentId, boolean active,
                                 @Nullable LocalDate studyFrom, @Nullable LocalDate studyTo, Instant at) {
    }

    public Mono<Void> enrollment(EnrollmentFact f) {
        var spec = db.sql("INSERT INTO standing (account_id, course_id, cohort_id, enrollment_id, active, study_from, study_to, status_changed_at) "
                        + "VALUES (:account, :course, :cohort, :enrollment, :active, :from, :to, :at) ON CONFLICT (account_id, course_id) DO UPDATE "
                        + "SET cohort_id = COALESCE(excluded.cohort_id, standing.cohort_id), enrollment_id = COALESCE(excluded.enrollment_id, "
                        + "standing.enrollment_id), active = excluded.active, study_from = COALESCE(excluded.study_from, standing.study_from), "
                        + "study_to = COALESCE(excluded.study_to, standing.study_to), status_changed_at = excluded.status_changed_at "
                        + "WHERE standing.status_changed_at <= excluded.status_changed_at")
                .bind("account", f.accountId()).bind("course", f.courseId()).bind("active", f.active()).bind("at", f.at());
        spec = f.cohortId() == null ? spec.bindNull("cohort", String.class) : spec.bind("cohort", f.cohortId());
        spec = f.enrollmentId() == null ? spec.bindNull("enrollment", String.class) : spec.bind("enrollment", f.enrollmentId());
        spec = f.studyFrom() == null ? spec.bindNull("from", LocalDate.class) : spec.bind("from", f.studyFrom());
        spec = f.studyTo() == null ? spec.bindNull("to", LocalDate.class) : spec.bind("to", f.studyTo());
        return spec.then();
    }

    public Mono<Void> courseProgress(String accountId, String courseId, BigDecimal percent) {
        return db.sql("INSERT INTO standing (account_id, course_id, active, course_progress, status_changed_at) VALUES (:account, :course, "
                        + "false, :percent, '-infinity') ON CONFLICT (account_id, course_id) DO UPDATE SET course_progress = "
                        + "GREATEST(standing.course_progress, excluded.course_progress)")
                .bind("account", accountId).bind("course", courseId).bind("percent", clamp(percent)).then();
    }

    public Mono<Void> lessonProgress(String accountId, String lessonId, @Nullable String courseId, BigDecimal percent) {
        var spec = db.sql("INSERT INTO lesson_standing (account_id, lesson_id, course_id, percent) VALUES (:account, :lesson, :course, :percent) "
                        + "ON CONFLICT (account_id, lesson_id) DO UPDATE SET percent = GREATEST(lesson_standing.percent, excluded.percent)")
                .bind("account", accountId).bind("lesson", lessonId).bind("percent", clamp(percent));
        spec = courseId == null ? spec.bindNull("course", String.class) : spec.bind("course", courseId);
        return spec.then();
    }

    public Mono<Standing> find(String accountId, String courseId) {
        Mono<Map<String, BigDecimal>> lessons = db.sql("SELECT lesson_id, percent FROM lesson_standing WHERE account_id = :account")
                .bind("account", accountId)
                .map(r -> Map.entry(r.get("lesson_id", String.class), r.get("percent", BigDecimal.class))).all()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return db.sql("SELECT * FROM standing WHERE account_id = :account AND course_id = :course")
                .bind("account", accountId).bind("course", courseId)
                .map(r -> new Standing(r.get("account_id", String.class), r.get("course_id", String.class),
                        r.get("cohort_id", String.class), Boolean.TRUE.equals(r.get("active", Boolean.class)),
                        r.get("study_from", LocalDate.class), r.get("study_to", LocalDate.class), r.get("course_progress", BigDecimal.class),
                        Map.of()))
                .one()
                .zipWith(lessons, (s, l) -> new Standing(s.accountId(), s.courseId(), s.cohortId(), s.active(), s.studyFrom(), s.studyTo(),
                        s.courseProgress(), l));
    }

    public Flux<String> activeCourses(String accountId) {
        return db.sql("SELECT course_id FROM standing WHERE account_id = :account AND active").bind("account", accountId)
                .map(r -> r.get("course_id", String.class)).all();
    }

    private static BigDecimal clamp(BigDecimal percent) {
        return percent.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
    }
}

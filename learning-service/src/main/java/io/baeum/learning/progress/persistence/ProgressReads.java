package io.baeum.learning.progress.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;

/** Read models of progress: the trainee's courses and lessons, the cohort progress table. */
@Repository
public class ProgressReads {

    public static final Map<String, String> TABLE_SORTS = Map.of("progress", "e.progress_percent", "accountId", "e.account_id",
            "completedLessons", "e.completed_lessons", "lastStudied", "last_studied");

    private final DatabaseClient db;

    ProgressReads(DatabaseClient db) {
        this.db = db;
    }

    public record MyCourse(UUID enrollmentId, UUID courseId, String courseTitle, UUID cohortId, String cohortName,
                           LocalDate studyFrom, LocalDate studyTo, String status, int completedLessons, int totalLessons,
                           BigDecimal progressPercent) {
    }

    public Flux<MyCourse> myCourses(String accountId) {
        return db.sql("SELECT e.id, e.course_id, c.title, e.cohort_id, co.name, co.study_from, co.study_to, e.status, "
                        + "e.completed_lessons, (SELECT count(*) FROM lesson l WHERE l.course_id = e.course_id) AS total, "
                        + "e.progress_percent FROM enrollment e JOIN course c ON c.id = e.course_id JOIN cohort co ON co.id = e.cohort_id "
                        + "WHERE e.account_id = :account ORDER BY co.study_from DESC, e.id")
                .bind("account", accountId)
                .map((row, meta) -> new MyCourse(row.get("id", UUID.class), row.get("course_id", UUID.class),
                        row.get("title", String.class), row.get("cohort_id", UUID.class), row.get("name", String.class),
                        row.get("study_from", LocalDate.class), row.get("study_to", LocalDate.class), row.get("status", String.class),
                        row.get("completed_lessons", Integer.class), row.get("total", Long.class).intValue(),
                        row.get("progress_percent", BigDecimal.class)))
                .all();
    }

    public record LessonProgressView(UUID lessonId, String title, int subjectPosition, int position,
                                     @Nullable Integer durationSeconds, int percent, boolean completed, int watchedSeconds,
                                     long studyMillis, int resumeSecond) {
    }

    /** Per-lesson progress of an enrollment owned by {@code accountId}; empty when it is not theirs. */
    public Flux<LessonProgressView> lessons(UUID enrollmentId, String accountId) {
        return db.sql("SELECT l.id, l.title, s.position AS sp, l.position, l.duration_seconds, COALESCE(lp.percent, 0) AS percent, "
                        + "COALESCE(lp.completed, false) AS completed, COALESCE(lp.watched_seconds, 0) AS watched, "
                        + "COALESCE(lp.study_millis, 0) AS study, COALESCE(lp.resume_second, 0) AS resume "
                        + "FROM enrollment e JOIN lesson l ON l.course_id = e.course_id JOIN subject s ON s.id = l.subject_id "
                        + "LEFT JOIN lesson_progress lp ON lp.enrollment_id = e.id AND lp.lesson_id = l.id "
                        + "WHERE e.id = :enrollment AND e.account_id = :account ORDER BY s.position, l.position")
                .bind("enrollment", enrollmentId).bind("account", accountId)
                .map((row, meta) -> new LessonProgressView(row.get("id", UUID.class), row.get("title", String.class),
                        row.get("sp", Integer.class), row.get("position", Integer.class), row.get("duration_seconds", Integer.class),
                        row.get("percent", Integer.class), row.get("completed", Boolean.class), row.get("watched", Integer.class),
                        row.get("study", Long.class), row.get("resume", Integer.class)))
                .all();
    }

    public record ProgressRow(UUID enrollmentId, String accountId, String status, int completedLessons,
                              BigDecimal progressPercent, @Nullable OffsetDateTime lastStudied) {
    }

    /** Filters of the progress table. */
    public record TableFilter(@Nullable String accountContains, @Nullable String status, @Nullable BigDecimal minProgress,
                              @Nullable BigDecimal maxProgress) {
    }

    public Mono<Boolean> teaches(UUID cohortId, String instructorId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM cohort_instructor WHERE cohort_id = :cohort AND instructor_id = :id) AS t")
                .bind("cohort", cohortId).bind("id", instructorId).map((row, meta) -> row.get("t", Boolean.class)).one();
    }

    public Mono<Boolean> cohortExists(UUID cohortId) {
        return db.sql("SELECT EXISTS (SELECT 1 FROM cohort WHERE id = :cohort) AS t").bind("cohort", cohortId)
                .map((row, meta) -> row.get("t", Boolean.class)).one();
    }

    public Mono<Page<ProgressRow>> table(UUID cohortId, TableFilter filter, PageRequest page) {
        String from = " FROM enrollment e LEFT JOIN LATERAL (SELECT max(lp.updated_at) AS last_studied FROM lesson_progress lp "
                + "WHERE lp.enrollment_id = e.id) ls ON true WHERE e.cohort_id = :cohort "
                + "AND (CAST(:q AS text) IS NULL OR e.account_id ILIKE '%' || :q || '%') "
                + "AND (CAST(:status AS text) IS NULL OR e.status = :status) "
                + "AND (CAST(:min AS numeric) IS NULL OR e.progress_percent >= :min) "
                + "AND (CAST(:max AS numeric) IS NULL OR e.progress_percent <= :max)";
        var items = db.sql("SELECT e.id, e.account_id, e.status, e.completed_lessons, e.progress_percent, ls.last_studied" + from
                + " ORDER BY " + page.orderBy("e.id") + " NULLS LAST LIMIT " + page.size() + " OFFSET " + page.offset());
        var count = db.sql("SELECT count(*) AS total" + from);
        items = bindFilter(items.bind("cohort", cohortId), filter);
        count = bindFilter(count.bind("cohort", cohortId), filter);
        return Mono.zip(items.map((row, meta) -> new ProgressRow(row.get("id", UUID.class), row.get("account_id", String.class),
                                row.get("status", String.class), row.get("completed_lessons", Integer.class),
                                row.get("progress_percent", BigDecimal.class), row.get("last_studied", OffsetDateTime.class)))
                        .all().collectList(),
                count.map((row, meta) -> row.get("total", Long.class)).one())
                .map(t -> new Page<>(t.getT1(), t.getT2()));
    }

    private static DatabaseClient.GenericExecuteSpec bindFilter(DatabaseClient.GenericExecuteSpec spec, TableFilter f) {
        spec = f.accountContains() == null ? spec.bindNull("q", String.class)
                : spec.bind("q", f.accountContains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
        spec = f.status() == null ? spec.bindNull("status", String.class) : spec.bind("status", f.status());
        spec = f.minProgress() == null ? spec.bindNull("min", BigDecimal.class) : spec.bind("min", f.minProgress());
        spec = f.maxProgress() == null ? spec.bindNull("max", BigDecimal.class) : spec.bind("max", f.maxProgress());
        return spec;
    }
}

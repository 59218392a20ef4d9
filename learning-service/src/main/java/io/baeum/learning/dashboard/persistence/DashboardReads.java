package io.baeum.learning.dashboard.persistence;

import static io.baeum.learning.support.sql.Columns.bytes;
import static io.baeum.learning.support.sql.Columns.count;
import static io.baeum.learning.support.sql.Columns.date;
import static io.baeum.learning.support.sql.Columns.decimal;
import static io.baeum.learning.support.sql.Columns.flag;
import static io.baeum.learning.support.sql.Columns.instant;
import static io.baeum.learning.support.sql.Columns.integer;
import static io.baeum.learning.support.sql.Columns.nullableInstant;
import static io.baeum.learning.support.sql.Columns.text;
import static io.baeum.learning.support.sql.Columns.uuid;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.learning.dashboard.domain.AdminDashboard.ActiveCohort;
import io.baeum.learning.dashboard.domain.AdminDashboard.YearCards;
import io.baeum.learning.dashboard.domain.CohortDashboard.GradingQueue;
import io.baeum.learning.dashboard.domain.CohortDashboard.LearnerRow;
import io.baeum.learning.dashboard.domain.EvaluationSummary;
import io.baeum.learning.dashboard.domain.TraineeCard;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;
import io.baeum.learning.support.sql.EvaluationSql;

/**
 * The dashboards' reads: indexed SQL over the enrollments, progress, results, completions and certificates
 * (V10's indexes). A result's latest attempt per evaluation counts (DISTINCT ON ... attempt_no DESC).
 */
@Repository
public class DashboardReads {

    /** Sort keys of the learner table: whitelisted SQL expressions (PageRequest). */
    public static final Map<String, String> LEARNER_SORTS = Map.of("accountId", "e.account_id", "progress", "e.progress_percent",
            "lastStudied", "ls.last_studied", "stageScore", "sc.stage", "finalScore", "sc.final",
            "assignmentScore", "sc.assignment", "totalScore", "cp.total_score", "outcome", "cp.outcome");

    private final DatabaseClient db;

    DashboardReads(DatabaseClient db) {
        this.db = db;
    }

    // --- trainee -------------------------------------------------------------------------------

    /** A trainee's live enrollments (PENDING, ACTIVE) as cards without evaluations; newest study period first. */
    public Flux<TraineeCard> cards(String accountId, LocalDate today) {
        return db.sql("SELECT e.id, e.status, e.course_id, c.title, e.cohort_id, co.name, co.study_from, co.study_to, "
                        + "e.progress_percent, e.completed_lessons, (SELECT count(*) FROM lesson l WHERE l.course_id = e.course_id) AS total, "
                        + "nl.id AS next_id, nl.title AS next_title, nl.sp AS next_sp, nl.position AS next_position, "
                        + "cp.outcome, cp.total_score, cp.decided_at, ce.number, ce.issued_at, ce.revoked_at "
                        + "FROM enrollment e JOIN course c ON c.id = e.course_id JOIN cohort co ON co.id = e.cohort_id "
                        + "LEFT JOIN LATERAL (SELECT l.id, l.title, s.position AS sp, l.position FROM lesson l JOIN subject s ON s.id = l.subject_id "
                        + "LEFT JOIN lesson_progress lp ON lp.enrollment_id = e.id AND lp.lesson_id = l.id "
                        + "WHERE l.course_id = e.course_id AND NOT COALESCE(lp.completed, false) ORDER BY s.position, l.position LIMIT 1) nl ON true "
                        + "LEFT JOIN completion cp ON cp.enrollment_id = e.id LEFT JOIN certificate ce ON ce.enrollment_id = e.id "
                        + "WHERE e.account_id = :account AND e.status IN ('PENDING', 'ACTIVE') ORDER BY co.study_from DESC, e.id")
                .bind("account", accountId)
                .map(row -> {
                    UUID next = row.get("next_id", UUID.class);
                    String outcome = row.get("outcome", String.class);
                    String number = row.get("number", String.class);
                    return new TraineeCard(row.get("id", UUID.class), row.get("status", String.class), row.get("course_id", UUID.class),
                            row.get("title", String.class), row.get("cohort_id", UUID.class), row.get("name", String.class),
                            io.baeum.learning.dashboard.domain.StudyPeriod.of(date(row, "study_from"), date(row, "study_to"), today),
                            decimal(row, "progress_percent"), integer(row, "completed_lessons"), (int) count(row, "total"),
                            next == null ? null : new TraineeCard.NextLesson(next, text(row, "next_title"), integer(row, "next_sp"),
                                    integer(row, "next_position")),
                            Map.of(),
                            outcome == null ? null : new TraineeCard.Completion(outcome, decimal(row, "total_score"), instant(row, "decided_at")),
                            number == null ? null : new TraineeCard.Certificate(number, instant(row, "issued_at"),
                                    row.get("revoked_at", OffsetDateTime.class) != null));
                })
                .all();
    }

    /** The latest attempt of each evaluation of these enrollments. */
    public Flux<EvaluationSummary.Result> latestResults(List<UUID> enrollmentIds) {
        if (enrollmentIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT DISTINCT ON (enrollment_id, evaluation_id) enrollment_id, evaluation_id, evaluation_kind, attempt_no, "
                        + "score, passed, on_time, graded_at FROM evaluation_result WHERE enrollment_id = ANY(CAST(:ids AS uuid[])) "
                        + "ORDER BY enrollment_id, evaluation_id, attempt_no DESC")
                .bind("ids", enrollmentIds.toArray(UUID[]::new))
                .map(row -> new EvaluationSummary.Result(row.get("enrollment_id", UUID.class), row.get("evaluation_id", UUID.class),
                        EvaluationSummary.Kind.valueOf(text(row, "evaluation_kind")), integer(row, "attempt_no"), decimal(row, "score"),
                        Boolean.TRUE.equals(row.get("passed", Boolean.class)), Boolean.TRUE.equals(row.get("on_time", Boolean.class)),
                        instant(row, "graded_at")))
                .all();
    }

    // --- instructor ----------------------------------------------------------------------------

    /** A cohort's header and counts (ACTIVE enrollments); empty when there is no such cohort. */
    public record CohortFigures(UUID cohortId, String cohortName, UUID courseId, String courseTitle, LocalDate studyFrom,
                                LocalDate studyTo, long enrolled, long completed, long failed, BigDecimal averageProgress) {
    }

    public Mono<CohortFigures> cohortFigures(UUID cohortId) {
        return db.sql("SELECT co.id, co.name, co.course_id, c.title, co.study_from, co.study_to, count(e.id) AS enrolled, "
                        + "count(cp.enrollment_id) FILTER (WHERE cp.outcome = 'COMPLETED') AS completed, "
                        + "count(cp.enrollment_id) FILTER (WHERE cp.outcome = 'FAILED') AS failed, "
                        + "COALESCE(round(avg(e.progress_percent), 2), 0) AS avg_progress "
                        + "FROM cohort co JOIN course c ON c.id = co.course_id "
                        + "LEFT JOIN enrollment e ON e.cohort_id = co.id AND e.status = 'ACTIVE' "
                        + "LEFT JOIN completion cp ON cp.enrollment_id = e.id WHERE co.id = :cohort GROUP BY co.id, c.title")
                .bind("cohort", cohortId)
                .map(row -> new CohortFigures(row.get("id", UUID.class), text(row, "name"), row.get("course_id", UUID.class),
                        text(row, "title"), date(row, "study_from"), date(row, "study_to"), count(row, "enrolled"),
                        count(row, "completed"), count(row, "failed"), decimal(row, "avg_progress")))
                .one();
    }

    /** What learning knows of grading in a cohort (the queue of ungraded submissions is exam-service's). */
    public Mono<GradingQueue> grading(UUID cohortId) {
        // per enrollment of the cohort, an index lookup of its results (no scan of all results)
        return db.sql("SELECT CAST(COALESCE(sum(x.results), 0) AS bigint) AS results, CAST(COALESCE(sum(x.late), 0) AS bigint) AS late, "
                        + "count(*) FILTER (WHERE x.finals = 0) AS without_final FROM enrollment e, LATERAL (SELECT count(*) AS results, "
                        + "count(*) FILTER (WHERE NOT r.on_time) AS late, count(*) FILTER (WHERE r.evaluation_kind = 'FINAL') AS finals "
                        + "FROM evaluation_result r WHERE r.enrollment_id = e.id) x WHERE e.cohort_id = :cohort AND e.status = 'ACTIVE'")
                .bind("cohort", cohortId)
                .map(row -> new GradingQueue(false, null, "exam-service", count(row, "results"), count(row, "late"),
                        count(row, "without_final")))
                .one();
    }

    /** One page of the learner table of a cohort (ACTIVE enrollments), sorted by a whitelisted column. */
    public Mono<Page<LearnerRow>> learners(UUID cohortId, PageRequest page) {
        var items = db.sql("SELECT e.id, e.account_id, e.progress_percent, e.completed_lessons, ls.last_studied, sc.stage, sc.final, "
                        + "sc.assignment, cp.total_score, cp.outcome, ce.number FROM enrollment e "
                        + "LEFT JOIN LATERAL (SELECT max(lp.updated_at) AS last_studied FROM lesson_progress lp WHERE lp.enrollment_id = e.id) ls ON true "
                        + EvaluationSql.LATEST_SCORES_PER_KIND
                        + "LEFT JOIN completion cp ON cp.enrollment_id = e.id LEFT JOIN certificate ce ON ce.enrollment_id = e.id "
                        + "WHERE e.cohort_id = :cohort AND e.status = 'ACTIVE' "
                        + "ORDER BY " + page.sortColumn() + (page.descending() ? " DESC" : " ASC") + " NULLS LAST, e.id LIMIT " + page.size()
                        + " OFFSET " + page.offset())
                .bind("cohort", cohortId)
                .map(row -> new LearnerRow(row.get("id", UUID.class), text(row, "account_id"), decimal(row, "progress_percent"),
                        integer(row, "completed_lessons"), nullableInstant(row, "last_studied"), row.get("stage", BigDecimal.class),
                        row.get("final", BigDecimal.class), row.get("assignment", BigDecimal.class),
                        row.get("total_score", BigDecimal.class), row.get("outcome", String.class), row.get("number", String.class), 0))
                .all().collectList();
        var total = db.sql("SELECT count(*) AS total FROM enrollment e WHERE e.cohort_id = :cohort AND e.status = 'ACTIVE'")
                .bind("cohort", cohortId).map(row -> count(row, "total")).one();
        return Mono.zip(items, total).map(t -> new Page<>(t.getT1(), t.getT2()));
    }

    // --- admin ---------------------------------------------------------------------------------

    /** The year's cards: ACTIVE enrollments applied for within [from, to). */
    public Mono<YearCards> yearCards(int year, Instant from, Instant to) {
        return db.sql("SELECT count(*) AS enrolled, count(*) FILTER (WHERE cp.outcome IS NULL) AS in_progress, "
                        + "count(*) FILTER (WHERE cp.outcome = 'COMPLETED') AS completed FROM enrollment e "
                        + "LEFT JOIN completion cp ON cp.enrollment_id = e.id "
                        + "WHERE e.applied_at >= :from AND e.applied_at < :to AND e.status = 'ACTIVE'")
                .bind("from", from.atOffset(java.time.ZoneOffset.UTC)).bind("to", to.atOffset(java.time.ZoneOffset.UTC))
                .map(row -> YearCards.of(year, count(row, "enrolled"), count(row, "in_progress"), count(row, "completed")))
                .one();
    }

    /** Applications (any status: every 수강신청) per month of the zone within [from, to). */
    public Mono<Map<YearMonth, Long>> applicationsPerMonth(Instant from, Instant to, String zone) {
        return db.sql("SELECT CAST(date_trunc('month', e.applied_at AT TIME ZONE :zone) AS date) AS month, count(*) AS n "
                        + "FROM enrollment e WHERE e.applied_at >= :from AND e.applied_at < :to GROUP BY 1")
                .bind("zone", zone).bind("from", from.atOffset(java.time.ZoneOffset.UTC)).bind("to", to.atOffset(java.time.ZoneOffset.UTC))
                .map(row -> Map.entry(YearMonth.from(date(row, "month")), count(row, "n")))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Cohorts whose study period includes {@code today}, with their ACTIVE enrollments' outcomes. */
    public Flux<ActiveCohort> activeCohorts(LocalDate today, int limit) {
        return db.sql("SELECT co.id, co.name, co.course_id, c.title, co.study_from, co.study_to, count(e.id) AS enrolled, "
                        + "count(e.id) FILTER (WHERE cp.outcome IS NULL) AS in_progress, "
                        + "count(e.id) FILTER (WHERE cp.outcome = 'COMPLETED') AS completed "
                        + "FROM cohort co JOIN course c ON c.id = co.course_id "
                        + "LEFT JOIN enrollment e ON e.cohort_id = co.id AND e.status = 'ACTIVE' "
                        + "LEFT JOIN completion cp ON cp.enrollment_id = e.id "
                        + "WHERE co.study_to >= :today AND co.study_from <= :today "
                        + "GROUP BY co.id, c.title ORDER BY co.study_from, c.title, co.name, co.id LIMIT " + limit)
                .bind("today", today)
                .map(row -> ActiveCohort.of(row.get("id", UUID.class), text(row, "name"), row.get("course_id", UUID.class),
                        text(row, "title"), date(row, "study_from"), date(row, "study_to"), count(row, "enrolled"),
                        count(row, "in_progress"), count(row, "completed")))
                .all();
    }
}

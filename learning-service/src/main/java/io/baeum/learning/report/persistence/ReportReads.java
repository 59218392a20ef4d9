package io.baeum.learning.report.persistence;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.learning.report.domain.AuditExport;
import io.baeum.learning.report.domain.ChainVerification;
import io.baeum.learning.report.domain.EvidenceReport;
import io.baeum.learning.report.domain.ReportFacts;
import io.baeum.learning.report.domain.StoredEvidence;
import io.baeum.learning.support.sql.EvaluationSql;

/** The reads of the evidence report and the cohort export: the enrollment's evidence, its facts, a cohort's rows. */
@Repository
public class ReportReads {

    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    ReportReads(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<EvidenceReport.Header> header(UUID enrollmentId) {
        return db.sql("SELECT e.id, e.account_id, e.course_id, c.title, e.cohort_id, co.name, c.training_type, co.study_from, co.study_to, "
                        + "e.status, e.progress_percent, e.completed_lessons, (SELECT count(*) FROM lesson l WHERE l.course_id = e.course_id) AS total "
                        + "FROM enrollment e JOIN course c ON c.id = e.course_id JOIN cohort co ON co.id = e.cohort_id WHERE e.id = :id")
                .bind("id", enrollmentId)
                .map(row -> new EvidenceReport.Header(uuid(row, "id"), text(row, "account_id"), uuid(row, "course_id"), text(row, "title"),
                        uuid(row, "cohort_id"), text(row, "name"), text(row, "training_type"), date(row, "study_from"),
                        date(row, "study_to"), text(row, "status"), decimal(row, "progress_percent"), integer(row, "completed_lessons"),
                        (int) count(row, "total")))
                .one();
    }

    /** The enrollment's evidence rows in seq order, detail read back from JSON. */
    public Flux<StoredEvidence> evidence(UUID enrollmentId) {
        return db.sql("SELECT enrollment_id, seq, event_id, lesson_id, account_id, session_id, kind, occurred_at_ms, "
                        + "CAST(detail AS text) AS detail, prev_hash, hash FROM progress_evidence WHERE enrollment_id = :id ORDER BY seq")
                .bind("id", enrollmentId)
                .map(row -> new StoredEvidence(uuid(row, "enrollment_id"), count(row, "seq"), uuid(row, "event_id"),
                        uuid(row, "lesson_id"), text(row, "account_id"), text(row, "session_id"), text(row, "kind"),
                        count(row, "occurred_at_ms"), json.readValue(text(row, "detail"), DETAIL), bytes(row, "prev_hash"),
                        bytes(row, "hash")))
                .all();
    }

    public Mono<ChainVerification.Head> head(UUID enrollmentId) {
        return db.sql("SELECT seq, hash FROM progress_evidence_head WHERE enrollment_id = :id").bind("id", enrollmentId)
                .map(row -> new ChainVerification.Head(count(row, "seq"), bytes(row, "hash"))).one();
    }

    /** Every lesson of the enrollment's course in course order, with its progress (none: zeros). */
    public Flux<EvidenceReport.LessonLine> lessons(UUID enrollmentId) {
        return db.sql("SELECT l.id, l.title, s.position AS sp, l.position, l.duration_seconds, COALESCE(lp.watched_seconds, 0) AS watched, "
                        + "COALESCE(lp.study_millis, 0) AS study, COALESCE(lp.percent, 0) AS percent, COALESCE(lp.completed, false) AS completed, "
                        + "lp.completed_at FROM enrollment e JOIN lesson l ON l.course_id = e.course_id JOIN subject s ON s.id = l.subject_id "
                        + "LEFT JOIN lesson_progress lp ON lp.enrollment_id = e.id AND lp.lesson_id = l.id WHERE e.id = :id "
                        + "ORDER BY s.position, l.position")
                .bind("id", enrollmentId)
                .map(row -> new EvidenceReport.LessonLine(uuid(row, "id"), text(row, "title"), integer(row, "sp"), integer(row, "position"),
                        row.get("duration_seconds", Integer.class), integer(row, "watched"), count(row, "study"), integer(row, "percent"),
                        Boolean.TRUE.equals(row.get("completed", Boolean.class)), nullableInstant(row, "completed_at")))
                .all();
    }

    public Flux<ReportFacts.CueAttempt> cueAttempts(UUID enrollmentId) {
        return db.sql("SELECT a.attempted_at, l.title, q.question, a.chosen_option, a.correct FROM cue_quiz_attempt a "
                        + "JOIN cue_quiz q ON q.id = a.quiz_id JOIN lesson l ON l.id = q.lesson_id WHERE a.enrollment_id = :id "
                        + "ORDER BY a.attempted_at, a.id")
                .bind("id", enrollmentId)
                .map(row -> new ReportFacts.CueAttempt(instant(row, "attempted_at"), text(row, "title"), text(row, "question"),
                        integer(row, "chosen_option"), Boolean.TRUE.equals(row.get("correct", Boolean.class))))
                .all();
    }

    public Flux<ReportFacts.Result> results(UUID enrollmentId) {
        return db.sql("SELECT graded_at, submitted_at, evaluation_kind, attempt_no, score, pass_score, passed, on_time, auto_submitted, "
                        + "revision, reason FROM evaluation_result WHERE enrollment_id = :id ORDER BY graded_at, attempt_id")
                .bind("id", enrollmentId)
                .map(row -> new ReportFacts.Result(instant(row, "graded_at"), nullableInstant(row, "submitted_at"),
                        text(row, "evaluation_kind"), integer(row, "attempt_no"), decimal(row, "score"), integer(row, "pass_score"),
                        flag(row, "passed"), flag(row, "on_time"), flag(row, "auto_submitted"), integer(row, "revision"),
                        row.get("reason", String.class)))
                .all();
    }

    public Mono<ReportFacts.Decision> decision(UUID enrollmentId) {
        return db.sql("SELECT decided_at, outcome, progress_percent, total_score, CAST(criteria AS text) AS criteria, decision_no "
                        + "FROM completion WHERE enrollment_id = :id")
                .bind("id", enrollmentId)
                .map(row -> new ReportFacts.Decision(instant(row, "decided_at"), text(row, "outcome"), decimal(row, "progress_percent"),
                        decimal(row, "total_score"), criteria(row.get("criteria", String.class)), integer(row, "decision_no")))
                .one();
    }

    public Mono<ReportFacts.Certificate> certificate(UUID enrollmentId) {
        return db.sql("SELECT number, issued_at, revoked_at, revoked_reason FROM certificate WHERE enrollment_id = :id")
                .bind("id", enrollmentId)
                .map(row -> new Object[] {text(row, "number"), instant(row, "issued_at"), nullableInstant(row, "revoked_at"),
                        row.get("revoked_reason", String.class)})
                .one()
                .flatMap(c -> db.sql("SELECT issue_no, form, issued_at, issued_by FROM certificate_issue WHERE number = :n ORDER BY issue_no")
                        .bind("n", c[0])
                        .map(row -> new ReportFacts.Issue(integer(row, "issue_no"), text(row, "form"), instant(row, "issued_at"),
                                text(row, "issued_by")))
                        .all().collectList()
                        .map(issues -> new ReportFacts.Certificate((String) c[0], (Instant) c[1], (Instant) c[2], (String) c[3], issues)));
    }

    // --- the cohort export ---------------------------------------------------------------------

    public Mono<AuditExport.Cohort> cohort(UUID cohortId) {
        return db.sql("SELECT co.id, co.name, co.course_id, c.title, c.training_type, co.study_from, co.study_to, "
                        + "(SELECT count(*) FROM lesson l WHERE l.course_id = co.course_id) AS total FROM cohort co "
                        + "JOIN course c ON c.id = co.course_id WHERE co.id = :id")
                .bind("id", cohortId)
                .map(row -> new AuditExport.Cohort(uuid(row, "id"), text(row, "name"), uuid(row, "course_id"), text(row, "title"),
                        text(row, "training_type"), date(row, "study_from"), date(row, "study_to"), (int) count(row, "total")))
                .one();
    }

    /** The completion policy in force for a cohort: the latest of its training type effective on or before its start. */
    public Mono<AuditExport.Policy> policy(String trainingType, LocalDate studyFrom) {
        return db.sql("SELECT version, effective_from, min_progress_percent, min_total_score, final_weight, assignment_weight, "
                        + "stage_weight, require_on_time FROM completion_policy WHERE training_type = :type AND effective_from <= :from "
                        + "ORDER BY effective_from DESC LIMIT 1")
                .bind("type", trainingType).bind("from", studyFrom)
                .map(row -> new AuditExport.Policy(integer(row, "version"), date(row, "effective_from"), integer(row, "min_progress_percent"),
                        integer(row, "min_total_score"), integer(row, "final_weight"), integer(row, "assignment_weight"),
                        integer(row, "stage_weight"), flag(row, "require_on_time")))
                .one();
    }

    /** One row per ACTIVE enrollment of the cohort, by account. */
    public Flux<AuditExport.Row> auditRows(UUID cohortId) {
        return db.sql("SELECT e.id, e.account_id, e.progress_percent, e.completed_lessons, sc.stage, sc.final, sc.assignment, "
                        + "(SELECT count(*) FROM evaluation_result r WHERE r.enrollment_id = e.id AND NOT r.on_time) AS late, "
                        + "cp.total_score, cp.outcome, cp.decided_at, CAST(cp.criteria AS text) AS criteria, ce.number, ce.revoked_at "
                        + "FROM enrollment e" + EvaluationSql.LATEST_SCORES_PER_KIND
                        + "LEFT JOIN completion cp ON cp.enrollment_id = e.id LEFT JOIN certificate ce ON ce.enrollment_id = e.id "
                        + "WHERE e.cohort_id = :id AND e.status = 'ACTIVE' ORDER BY e.account_id, e.id")
                .bind("id", cohortId)
                .map(row -> new AuditExport.Row(uuid(row, "id"), text(row, "account_id"), decimal(row, "progress_percent"),
                        integer(row, "completed_lessons"), row.get("stage", BigDecimal.class), row.get("final", BigDecimal.class),
                        row.get("assignment", BigDecimal.class), count(row, "late"), row.get("total_score", BigDecimal.class),
                        row.get("outcome", String.class), nullableInstant(row, "decided_at"), criteria(row.get("criteria", String.class)),
                        row.get("number", String.class), row.get("revoked_at", OffsetDateTime.class) != null))
                .all();
    }

    /** The criteria JSON of a decision ([{"criterion","value","threshold","met"}, ...]), tolerant of missing fields. */
    List<ReportFacts.Criterion> criteria(@Nullable String text) {
        List<ReportFacts.Criterion> criteria = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return criteria;
        }
        JsonNode node = json.readTree(text);
        if (!node.isArray()) {
            return criteria;
        }
        for (JsonNode c : node) {
            criteria.add(new ReportFacts.Criterion(value(c.get("criterion")), value(c.get("value")), value(c.get("threshold")),
                    c.has("met") && c.get("met").asBoolean()));
        }
        return criteria;
    }

    private static String value(@Nullable JsonNode node) {
        return node == null || node.isNull() ? "" : node.isValueNode() ? node.asString() : node.toString();
    }
}

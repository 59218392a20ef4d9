package io.baeum.exam.evaluation.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.exam.evaluation.domain.Evaluation;
import io.baeum.exam.evaluation.domain.EvaluationKind;
import io.baeum.exam.evaluation.domain.EvaluationRules;
import io.baeum.exam.evaluation.domain.EvaluationStatus;
import io.baeum.exam.evaluation.domain.Selection;
import io.baeum.exam.paging.Paging;

/** Evaluations in PostgreSQL; selection and rules as JSON documents (policy data). */
@Repository
public class EvaluationStore {

    private static final String COLUMNS = "id, course_id, cohort_id, kind, title, status, opens_at, closes_at, time_limit_seconds, "
            + "pass_score, max_attempts, selection::text AS selection, rules::text AS rules, assignment_points";

    private final DatabaseClient db;
    private final JsonMapper json;

    EvaluationStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public Mono<Void> insert(Evaluation e, String author, Instant now) {
        var spec = db.sql("INSERT INTO evaluation (id, course_id, cohort_id, kind, title, status, opens_at, closes_at, time_limit_seconds, "
                        + "pass_score, max_attempts, selection, rules, assignment_points, created_by, created_at) VALUES (:id, :course, "
                        + ":cohort, :kind, :title, :status, :opens, :closes, :limit, :pass, :max, CAST(:selection AS jsonb), "
                        + "CAST(:rules AS jsonb), :points, :by, :at)")
                .bind("id", e.id()).bind("course", e.courseId()).bind("kind", e.kind().name()).bind("title", e.title())
                .bind("status", e.status().name()).bind("opens", e.opensAt()).bind("closes", e.closesAt())
                .bind("pass", e.passScore()).bind("max", e.maxAttempts()).bind("selection", json.writeValueAsString(e.selection()))
                .bind("rules", json.writeValueAsString(e.rules())).bind("by", author).bind("at", now);
        spec = e.cohortId() == null ? spec.bindNull("cohort", String.class) : spec.bind("cohort", e.cohortId());
        spec = e.timeLimit() == null ? spec.bindNull("limit", Integer.class) : spec.bind("limit", (int) e.timeLimit().toSeconds());
        spec = e.assignmentPoints() == null ? spec.bindNull("points", Integer.class) : spec.bind("points", e.assignmentPoints());
        return spec.then();
    }

    public Mono<Void> updateStatus(UUID id, EvaluationStatus status) {
        return db.sql("UPDATE evaluation SET status = :status WHERE id = :id").bind("status", status.name()).bind("id", id).then();
    }

    public Mono<Evaluation> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM evaluation WHERE id = :id").bind("id", id).map(this::evaluation).one();
    }

    /** Locks the row (publishing, closing). */
    public Mono<Evaluation> lock(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM evaluation WHERE id = :id FOR UPDATE").bind("id", id).map(this::evaluation).one();
    }

    public Flux<Evaluation> ofCourse(String courseId, Paging paging) {
        return db.sql("SELECT " + COLUMNS + " FROM evaluation WHERE course_id = :course ORDER BY opens_at, id LIMIT " + paging.size()
                + " OFFSET " + paging.offset()).bind("course", courseId).map(this::evaluation).all();
    }

    public Mono<Long> countOfCourse(String courseId) {
        return db.sql("SELECT count(*) AS n FROM evaluation WHERE course_id = :course").bind("course", courseId)
                .map(r -> r.get("n", Long.class)).one();
    }

    /** Published or closed evaluations of these courses (what a trainee may see listed). */
    public Flux<Evaluation> visibleIn(Collection<String> courseIds) {
        if (courseIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("SELECT " + COLUMNS + " FROM evaluation WHERE course_id = ANY(:courses) AND status <> 'DRAFT' ORDER BY opens_at, id "
                        + "LIMIT 200")
                .bind("courses", courseIds.toArray(String[]::new)).map(this::evaluation).all();
    }

    /** Published evaluations whose window closed and whose copied-answer check has not run yet. */
    public Flux<UUID> closedUnchecked(Instant now, int limit) {
        return db.sql("SELECT id FROM evaluation WHERE status = 'PUBLISHED' AND closes_at < :now AND similarity_checked_at IS NULL "
                        + "ORDER BY closes_at LIMIT " + limit)
                .bind("now", now).map((r, m) -> r.get("id", UUID.class)).all();
    }

    public Mono<Void> markChecked(UUID id, Instant now) {
        return db.sql("UPDATE evaluation SET similarity_checked_at = :now WHERE id = :id").bind("now", now).bind("id", id).then();
    }

    private Evaluation evaluation(Readable row) {
        Integer limit = row.get("time_limit_seconds", Integer.class);
        return new Evaluation(row.get("id", UUID.class), row.get("course_id", String.class), row.get("cohort_id", String.class),
                EvaluationKind.valueOf(row.get("kind", String.class)), row.get("title", String.class),
                EvaluationStatus.valueOf(row.get("status", String.class)), row.get("opens_at", Instant.class),
                row.get("closes_at", Instant.class), limit == null ? null : Duration.ofSeconds(limit), row.get("pass_score", Integer.class),
                row.get("max_attempts", Integer.class), json.readValue(row.get("selection", String.class), Selection.class),
                json.readValue(row.get("rules", String.class), EvaluationRules.class), row.get("assignment_points", Integer.class));
    }
}

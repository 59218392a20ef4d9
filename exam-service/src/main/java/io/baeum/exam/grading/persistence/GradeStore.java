package io.baeum.exam.grading.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.exam.paging.Paging;

/** Grades (current values), the append-only regrade records, and the manual grading queue. */
@Repository
public class GradeStore {

    private final DatabaseClient db;
    private final JsonMapper json;

    GradeStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** One rubric line: a criterion and the points given for it. */
    public record RubricLine(String criterion, BigDecimal points) {
    }

    public record Grade(UUID attemptId, UUID partId, BigDecimal points, BigDecimal maxPoints, boolean automatic, @Nullable String feedback,
                        List<RubricLine> rubric, String gradedBy, Instant gradedAt) {
    }

    /** A part waiting for a person: whose, which item, the answer, the key (graders see it). */
    public record Pending(UUID attemptId, UUID evaluationId, String traineeId, @Nullable Instant submittedAt, UUID partId, String type,
                          String prompt, int maxPoints, @Nullable Map<String, Object> answerKey, @Nullable Map<String, Object> answer) {
    }

    /** Filters of the queue: all pending, by evaluation, by item across learners, by learner. */
    public record QueueFilter(@Nullable UUID evaluationId, @Nullable UUID partId, @Nullable String traineeId) {
    }

    /** Inserts a first grade: false when the part was already graded. */
    public Mono<Boolean> insert(Grade g) {
        return db.sql("INSERT INTO grade (attempt_id, part_id, points, max_points, automatic, feedback, rubric, graded_by, graded_at) VALUES "
                        + "(:attempt, :part, :points, :max, :auto, :feedback, CAST(:rubric AS jsonb), :by, :at) ON CONFLICT DO NOTHING")
                .bind("attempt", g.attemptId()).bind("part", g.partId()).bind("points", g.points()).bind("max", g.maxPoints())
                .bind("auto", g.automatic()).bind("feedback", g.feedback() == null ? "" : g.feedback())
                .bind("rubric", json.writeValueAsString(g.rubric())).bind("by", g.gradedBy()).bind("at", g.gradedAt())
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    /** Records a regrade (old, new, reason, who) and makes the new points current. */
    public Mono<Void> regrade(Grade current, BigDecimal newPoints, @Nullable String feedback, String reason, String who, Instant at) {
        return db.sql("INSERT INTO grade_change (attempt_id, part_id, old_points, new_points, reason, changed_by, changed_at) VALUES "
                        + "(:attempt, :part, :old, :new, :reason, :by, :at)")
                .bind("attempt", current.attemptId()).bind("part", current.partId()).bind("old", current.points()).bind("new", newPoints)
                .bind("reason", reason).bind("by", who).bind("at", at).then()
                .then(db.sql("UPDATE grade SET points = :new, feedback = COALESCE(:feedback, feedback), automatic = false, graded_by = :by, "
                                + "graded_at = :at WHERE attempt_id = :attempt AND part_id = :part")
                        .bind("new", newPoints).bind("feedback", feedback == null ? current.feedback() == null ? "" : current.feedback() : feedback)
                        .bind("by", who).bind("at", at).bind("attempt", current.attemptId()).bind("part", current.partId()).then());
    }

    public Flux<Grade> ofAttempt(UUID attemptId) {
        return db.sql("SELECT attempt_id, part_id, points, max_points, automatic, feedback, rubric::text AS rubric, graded_by, graded_at "
                        + "FROM grade WHERE attempt_id = :attempt")
                .bind("attempt", attemptId)
                .map(r -> {
                    String feedback = r.get("feedback", String.class);
                    String rubric = r.get("rubric", String.class);
                    return new Grade(r.get("attempt_id", UUID.class), r.get("part_id", UUID.class), r.get("points", BigDecimal.class),
                            r.get("max_points", BigDecimal.class), Boolean.TRUE.equals(r.get("automatic", Boolean.class)),
                            feedback == null || feedback.isEmpty() ? null : feedback,
                            rubric == null ? List.of() : json.readValue(rubric, new TypeReference<List<RubricLine>>() { }),
                            r.get("graded_by", String.class), r.get("graded_at", Instant.class));
                })
                .all();
    }

    /** The regrade history of an attempt, oldest first. */
    public Flux<Map<String, Object>> changes(UUID attemptId) {
        return db.sql("SELECT part_id, old_points, new_points, reason, changed_by, changed_at FROM grade_change WHERE attempt_id = :attempt ORDER BY id")
                .bind("attempt", attemptId)
                .map(r -> Map.<String, Object>of("partId", r.get("part_id", UUID.class), "oldPoints", r.get("old_points", BigDecimal.class),
                        "newPoints", r.get("new_points", BigDecimal.class), "reason", r.get("reason", String.class),
                        "changedBy", r.get("changed_by", String.class), "changedAt", r.get("changed_at", Instant.class)))
                .all();
    }

    private static final String PENDING = "SELECT * FROM ("
            + "SELECT a.id AS attempt_id, a.evaluation_id, a.trainee_id, a.submitted_at, ai.item_id AS part_id, i.type, i.stem AS prompt, "
            + "i.points AS max_points, i.answer_key::text AS answer_key, ans.response::text AS answer FROM attempt a "
            + "JOIN attempt_item ai ON ai.attempt_id = a.id JOIN item i ON i.id = ai.item_id "
            + "LEFT JOIN grade g ON g.attempt_id = a.id AND g.part_id = ai.item_id "
            + "LEFT JOIN answer ans ON ans.attempt_id = a.id AND ans.part_id = ai.item_id WHERE a.status = 'SUBMITTED' AND g.attempt_id IS NULL "
            + "UNION ALL "
            + "SELECT a.id, a.evaluation_id, a.trainee_id, a.submitted_at, a.id, 'ASSIGNMENT', e.title, e.assignment_points, NULL, "
            + "ans.response::text FROM attempt a JOIN evaluation e ON e.id = a.evaluation_id "
            + "LEFT JOIN grade g ON g.attempt_id = a.id AND g.part_id = a.id "
            + "LEFT JOIN answer ans ON ans.attempt_id = a.id AND ans.part_id = a.id "
            + "WHERE e.kind = 'ASSIGNMENT' AND a.status = 'SUBMITTED' AND g.attempt_id IS NULL) q "
            + "WHERE (CAST(:evaluation AS uuid) IS NULL OR q.evaluation_id = :evaluation) AND (CAST(:part AS uuid) IS NULL OR q.part_id = :part) "
            + "AND (CAST(:trainee AS text) IS NULL OR q.trainee_id = :trainee)";

    public Flux<Pending> pending(QueueFilter filter, Paging paging) {
        return bind(db.sql(PENDING + " ORDER BY q.submitted_at, q.attempt_id, q.part_id LIMIT " + paging.size() + " OFFSET " + paging.offset()), filter)
                .map(r -> {
                    String key = r.get("answer_key", String.class);
                    String answer = r.get("answer", String.class);
                    return new Pending(r.get("attempt_id", UUID.class), r.get("evaluation_id", UUID.class), r.get("trainee_id", String.class),
                            r.get("submitted_at", Instant.class), r.get("part_id", UUID.class), r.get("type", String.class),
                            r.get("prompt", String.class), r.get("max_points", Integer.class),
                            key == null ? null : json.readValue(key, new TypeReference<Map<String, Object>>() { }),
                            answer == null ? null : json.readValue(answer, new TypeReference<Map<String, Object>>() { }));
                })
                .all();
    }

    public Mono<Long> countPending(QueueFilter filter) {
        return bind(db.sql("SELECT count(*) AS n FROM (" + PENDING + ") c"), filter).map(r -> r.get("n", Long.class)).one();
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, QueueFilter f) {
        spec = f.evaluationId() == null ? spec.bindNull("evaluation", UUID.class) : spec.bind("evaluation", f.evaluationId());
        spec = f.partId() == null ? spec.bindNull("part", UUID.class) : spec.bind("part", f.partId());
        return f.traineeId() == null ? spec.bindNull("trainee", String.class) : spec.bind("trainee", f.traineeId());
    }
}

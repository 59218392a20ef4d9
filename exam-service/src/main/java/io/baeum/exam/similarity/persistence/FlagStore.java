package io.baeum.exam.similarity.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.exam.paging.Paging;

/** Copied-answer flags: one per evaluation, kind and pair (a re-run adds nothing twice). */
@Repository
public class FlagStore {

    private static final String COLUMNS = "f.id, f.evaluation_id, f.kind, f.attempt_a, f.attempt_b, a.trainee_id AS trainee_a, "
            + "b.trainee_id AS trainee_b, f.score, f.evidence::text AS evidence, f.status, f.decided_by, f.decided_at, f.reason, f.flagged_at";
    private static final String FROM = " FROM similarity_flag f JOIN attempt a ON a.id = f.attempt_a JOIN attempt b ON b.id = f.attempt_b ";

    private final DatabaseClient db;
    private final JsonMapper json;

    FlagStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    public record Flag(UUID id, UUID evaluationId, String kind, UUID attemptA, UUID attemptB, String traineeA, String traineeB, BigDecimal score,
                       Map<String, Object> evidence, String status, @Nullable String decidedBy, @Nullable Instant decidedAt,
                       @Nullable String reason, Instant flaggedAt) {
    }

    /** Inserts a new flag: false when this pair was already flagged for this kind. */
    public Mono<Boolean> insert(UUID id, UUID evaluationId, String kind, UUID a, UUID b, double score, Map<String, Object> evidence, Instant at) {
        return db.sql("INSERT INTO similarity_flag (id, evaluation_id, kind, attempt_a, attempt_b, score, evidence, status, flagged_at) VALUES "
                        + "(:id, :evaluation, :kind, :a, :b, :score, CAST(:evidence AS jsonb), 'OPEN', :at) ON CONFLICT DO NOTHING")
                .bind("id", id).bind("evaluation", evaluationId).bind("kind", kind).bind("a", a).bind("b", b)
                .bind("score", BigDecimal.valueOf(score).setScale(4, java.math.RoundingMode.HALF_UP))
                .bind("evidence", json.writeValueAsString(evidence)).bind("at", at)
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    public Flux<Flag> ofEvaluation(UUID evaluationId, @Nullable String status, Paging paging) {
        var spec = db.sql("SELECT " + COLUMNS + FROM + "WHERE f.evaluation_id = :evaluation AND (CAST(:status AS text) IS NULL OR f.status = :status) "
                        + "ORDER BY f.flagged_at, f.id LIMIT " + paging.size() + " OFFSET " + paging.offset())
                .bind("evaluation", evaluationId);
        spec = status == null ? spec.bindNull("status", String.class) : spec.bind("status", status);
        return spec.map(this::flag).all();
    }

    public Mono<Long> countOfEvaluation(UUID evaluationId) {
        return db.sql("SELECT count(*) AS n FROM similarity_flag WHERE evaluation_id = :evaluation").bind("evaluation", evaluationId)
                .map(r -> r.get("n", Long.class)).one();
    }

    public Mono<Flag> lock(UUID id) {
        return db.sql("SELECT " + COLUMNS + FROM + "WHERE f.id = :id FOR UPDATE OF f").bind("id", id).map(this::flag).one();
    }

    public Mono<Void> decide(UUID id, String status, String who, String reason, Instant at) {
        return db.sql("UPDATE similarity_flag SET status = :status, decided_by = :who, decided_at = :at, reason = :reason WHERE id = :id")
                .bind("status", status).bind("who", who).bind("at", at).bind("reason", reason).bind("id", id).then();
    }

    private Flag flag(Readable r) {
        return new Flag(r.get("id", UUID.class), r.get("evaluation_id", UUID.class), r.get("kind", String.class), r.get("attempt_a", UUID.class),
                r.get("attempt_b", UUID.class), r.get("trainee_a", String.class), r.get("trainee_b", String.class), r.get("score", BigDecimal.class),
                json.readValue(r.get("evidence", String.class), new TypeReference<Map<String, Object>>() { }), r.get("status", String.class),
                r.get("decided_by", String.class), r.get("decided_at", Instant.class), r.get("reason", String.class),
                r.get("flagged_at", Instant.class));
    }
}

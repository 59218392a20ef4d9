package io.baeum.exam.evidence;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.exam.paging.Paging;

/**
 * The append-only evidence of exam-service (a database trigger refuses updates and deletes): who
 * did what to whose attempt, when, from which IP and device. Written in the same transaction as the
 * change it records.
 */
@Component
public class EvidenceLog {

    /** Actions recorded. */
    public enum Action { ATTEMPT_STARTED, ANSWER_SAVED, ATTEMPT_SUBMITTED, ATTEMPT_AUTO_SUBMITTED, FILE_UPLOADED, GRADED, REGRADED,
        SIMILARITY_FLAGGED, SIMILARITY_CONFIRMED, SIMILARITY_DISMISSED, RESULT_RECORDED }

    /** One recorded fact. */
    public record Entry(long id, Instant at, String traineeId, String actorId, String action, @Nullable UUID evaluationId,
                        @Nullable UUID attemptId, @Nullable String ip, @Nullable String device, Map<String, Object> detail) {
    }

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Clock clock;

    EvidenceLog(DatabaseClient db, JsonMapper json, Clock clock) {
        this.db = db;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Void> record(String traineeId, String actorId, Action action, @Nullable UUID evaluationId, @Nullable UUID attemptId,
                             Origin origin, Map<String, ?> detail) {
        var spec = db.sql("INSERT INTO evidence (at, trainee_id, actor_id, action, evaluation_id, attempt_id, ip, device, detail) "
                        + "VALUES (:at, :trainee, :actor, :action, :evaluation, :attempt, :ip, :device, CAST(:detail AS jsonb))")
                .bind("at", clock.instant()).bind("trainee", traineeId).bind("actor", actorId).bind("action", action.name())
                .bind("detail", json.writeValueAsString(detail));
        spec = evaluationId == null ? spec.bindNull("evaluation", UUID.class) : spec.bind("evaluation", evaluationId);
        spec = attemptId == null ? spec.bindNull("attempt", UUID.class) : spec.bind("attempt", attemptId);
        spec = origin.ip() == null ? spec.bindNull("ip", String.class) : spec.bind("ip", origin.ip());
        spec = origin.device() == null ? spec.bindNull("device", String.class) : spec.bind("device", origin.device());
        return spec.then();
    }

    public Flux<Entry> ofTrainee(String traineeId, Paging paging) {
        return db.sql("SELECT id, at, trainee_id, actor_id, action, evaluation_id, attempt_id, ip, device, detail::text AS detail "
                        + "FROM evidence WHERE trainee_id = :trainee ORDER BY id LIMIT " + paging.size() + " OFFSET " + paging.offset())
                .bind("trainee", traineeId)
                .map(row -> new Entry(row.get("id", Long.class), row.get("at", Instant.class), row.get("trainee_id", String.class),
                        row.get("actor_id", String.class), row.get("action", String.class), row.get("evaluation_id", UUID.class),
                        row.get("attempt_id", UUID.class), row.get("ip", String.class), row.get("device", String.class),
                        json.readValue(row.get("detail", String.class), new TypeReference<Map<String, Object>>() { })))
                .all();
    }

    public Mono<Long> countOfTrainee(String traineeId) {
        return db.sql("SELECT count(*) AS n FROM evidence WHERE trainee_id = :trainee").bind("trainee", traineeId)
                .map(r -> r.get("n", Long.class)).one();
    }
}

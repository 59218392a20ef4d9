package io.baeum.exam.attempt.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.exam.attempt.domain.Attempt;
import io.baeum.exam.attempt.domain.AttemptStatus;
import io.baeum.exam.attempt.domain.Response;
import io.baeum.exam.bank.domain.ItemType;
import io.baeum.exam.paging.Paging;

/** Attempts, the items they showed, and saved answers. */
@Repository
public class AttemptStore {

    private static final String COLUMNS = "a.id, a.evaluation_id, a.trainee_id, a.attempt_no, a.status, a.started_at, a.deadline, "
            + "a.submitted_at, a.auto_submitted, a.on_time, a.blank, a.score, a.passed, a.score_reason, a.result_revision";

    private final DatabaseClient db;
    private final JsonMapper json;

    AttemptStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A saved answer and its client sequence number. */
    public record SavedAnswer(UUID partId, Response response, long seq, Instant savedAt) {
    }

    /** An attempt locked for an answer, with the target item's type and choice count (null: the item is not in the attempt). */
    public record AnswerTarget(Attempt attempt, @Nullable ItemType type, int choiceCount) {
    }

    /** Inserts unless the trainee already has this attempt number (or another open attempt): false when someone else won. */
    public Mono<Boolean> insertIfAbsent(Attempt a) {
        return db.sql("INSERT INTO attempt (id, evaluation_id, trainee_id, attempt_no, status, started_at, deadline) VALUES (:id, :evaluation, "
                        + ":trainee, :no, :status, :started, :deadline) ON CONFLICT DO NOTHING")
                .bind("id", a.id()).bind("evaluation", a.evaluationId()).bind("trainee", a.traineeId()).bind("no", a.attemptNo())
                .bind("status", a.status().name()).bind("started", a.startedAt()).bind("deadline", a.deadline())
                .fetch().rowsUpdated().map(n -> n == 1);
    }

    public Mono<Void> insertItems(UUID attemptId, List<UUID> items) {
        if (items.isEmpty()) {
            return Mono.empty();
        }
        Integer[] positions = new Integer[items.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        return db.sql("INSERT INTO attempt_item (attempt_id, position, item_id) SELECT :attempt, p, i FROM unnest(:positions, :items) AS t(p, i)")
                .bind("attempt", attemptId).bind("positions", positions).bind("items", items.toArray(UUID[]::new)).then();
    }

    public Mono<Attempt> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM attempt a WHERE a.id = :id").bind("id", id).map(AttemptStore::attempt).one();
    }

    public Mono<Attempt> lock(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM attempt a WHERE a.id = :id FOR UPDATE").bind("id", id).map(AttemptStore::attempt).one();
    }

    public Mono<Attempt> byNumber(UUID evaluationId, String traineeId, int attemptNo) {
        return db.sql("SELECT " + COLUMNS + " FROM attempt a WHERE a.evaluation_id = :evaluation AND a.trainee_id = :trainee AND a.attempt_no = :no")
                .bind("evaluation", evaluationId).bind("trainee", traineeId).bind("no", attemptNo).map(AttemptStore::attempt).one();
    }

    /** The trainee's attempts at an evaluation, oldest first. */
    public Flux<Attempt> ofTrainee(UUID evaluationId, String traineeId) {
        return db.sql("SELECT " + COLUMNS + " FROM attempt a WHERE a.evaluation_id = :evaluation AND a.trainee_id = :trainee ORDER BY a.attempt_no")
                .bind("evaluation", evaluationId).bind("trainee", traineeId).map(AttemptStore::attempt).all();
    }

    public Flux<Attempt> mine(String traineeId, Paging paging) {
        return db.sql("SELECT " + COLUMNS + " FROM attempt a WHERE a.trainee_id = :trainee ORDER BY a.started_at DESC, a.id LIMIT "
                        + paging.size() + " OFFSET " + paging.offset())
                .bind("trainee", traineeId).map(AttemptStore::attempt).all();
    }

    public Mono<Long> countMine(String traineeId) {
        return db.sql("SELECT count(*) AS n FROM attempt WHERE trainee_id = :trainee").bind("trainee", traineeId)
                .map(r -> r.get("n", Long.class)).one();
    }

    /** Submitted (or graded) attempts of an evaluation: the cohort of the copied-answer check. */
    public Flux<Attempt> submittedOf(UUID evaluationId) {
        return db.sql("SELECT " + COLUMNS + " FROM attempt a WHERE a.evaluation_id = :evaluation AND a.status <> 'IN_PROGRESS' ORDER BY a.id")
                .bind("evaluation", evaluationId).map(AttemptStore::attempt).all();
    }

    /** Items the trainee was shown in earlier attempts of this evaluation. */
    public Flux<UUID> seenItems(UUID evaluationId, String traineeId) {
        return db.sql("SELECT DISTINCT ai.item_id FROM attempt_item ai JOIN attempt a ON a.id = ai.attempt_id "
                        + "WHERE a.evaluation_id = :evaluation AND a.trainee_id = :trainee")
                .bind("evaluation", evaluationId).bind("trainee", traineeId).map((r, m) -> r.get("item_id", UUID.class)).all();
    }

    public Flux<UUID> items(UUID attemptId) {
        return db.sql("SELECT item_id FROM attempt_item WHERE attempt_id = :attempt ORDER BY position").bind("attempt", attemptId)
                .map((r, m) -> r.get("item_id", UUID.class)).all();
    }

    /**
     * Locks the attempt against submission (FOR SHARE: saves run in parallel, a submit waits for them)
     * and says whether {@code partId} is one of its items.
     */
    public Mono<AnswerTarget> lockForAnswer(UUID attemptId, UUID partId) {
        return db.sql("SELECT " + COLUMNS + ", i.type AS item_type, jsonb_array_length(i.choices) AS choice_count FROM attempt a "
                        + "LEFT JOIN attempt_item ai ON ai.attempt_id = a.id AND ai.item_id = :part LEFT JOIN item i ON i.id = ai.item_id "
                        + "WHERE a.id = :attempt FOR SHARE OF a")
                .bind("attempt", attemptId).bind("part", partId)
                .map(r -> {
                    String type = r.get("item_type", String.class);
                    Integer count = r.get("choice_count", Integer.class);
                    return new AnswerTarget(attempt(r), type == null ? null : ItemType.valueOf(type), count == null ? 0 : count);
                })
                .one();
    }

    public Mono<Attempt> lockShared(UUID attemptId) {
        return db.sql("SELECT " + COLUMNS + " FROM attempt a WHERE a.id = :id FOR SHARE").bind("id", attemptId).map(AttemptStore::attempt).one();
    }

    /** Saves unless a later client sequence number is already stored: true when this write is now the answer. */
    public Mono<Boolean> saveAnswer(UUID attemptId, UUID partId, Response response, long seq, Instant now) {
        return db.sql("INSERT INTO answer (attempt_id, part_id, response, client_seq, saved_at) VALUES (:attempt, :part, CAST(:response AS jsonb), "
                        + ":seq, :now) ON CONFLICT (attempt_id, part_id) DO UPDATE SET response = excluded.response, client_seq = excluded.client_seq, "
                        + "saved_at = excluded.saved_at WHERE answer.client_seq < excluded.client_seq")
                .bind("attempt", attemptId).bind("part", partId).bind("response", json.writeValueAsString(response)).bind("seq", seq)
                .bind("now", now).fetch().rowsUpdated().map(n -> n == 1);
    }

    public Mono<Map<UUID, SavedAnswer>> answers(UUID attemptId) {
        return db.sql("SELECT part_id, response::text AS response, client_seq, saved_at FROM answer WHERE attempt_id = :attempt")
                .bind("attempt", attemptId)
                .map(r -> new SavedAnswer(r.get("part_id", UUID.class), json.readValue(r.get("response", String.class), Response.class),
                        r.get("client_seq", Long.class), r.get("saved_at", Instant.class)))
                .all().collectMap(SavedAnswer::partId);
    }

    /** Writes the attempt's state (submission, result). */
    public Mono<Void> update(Attempt a) {
        var spec = db.sql("UPDATE attempt SET status = :status, submitted_at = :submitted, auto_submitted = :auto, on_time = :onTime, "
                        + "blank = :blank, score = :score, passed = :passed, score_reason = :reason, result_revision = :revision WHERE id = :id")
                .bind("id", a.id()).bind("status", a.status().name()).bind("auto", a.autoSubmitted()).bind("revision", a.resultRevision());
        spec = a.submittedAt() == null ? spec.bindNull("submitted", Instant.class) : spec.bind("submitted", a.submittedAt());
        spec = a.onTime() == null ? spec.bindNull("onTime", Boolean.class) : spec.bind("onTime", a.onTime());
        spec = a.blank() == null ? spec.bindNull("blank", Boolean.class) : spec.bind("blank", a.blank());
        spec = a.score() == null ? spec.bindNull("score", BigDecimal.class) : spec.bind("score", a.score());
        spec = a.passed() == null ? spec.bindNull("passed", Boolean.class) : spec.bind("passed", a.passed());
        spec = a.scoreReason() == null ? spec.bindNull("reason", String.class) : spec.bind("reason", a.scoreReason());
        return spec.then();
    }

    /** Locks up to {@code limit} attempts whose deadline plus grace is before {@code cutOff}; other sweepers skip them. */
    public Flux<Attempt> lockOverdue(Instant cutOff, int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM attempt a WHERE a.status = 'IN_PROGRESS' AND a.deadline < :cutoff ORDER BY a.deadline "
                        + "LIMIT " + limit + " FOR UPDATE SKIP LOCKED")
                .bind("cutoff", cutOff).map(AttemptStore::attempt).all();
    }

    static Attempt attempt(Readable r) {
        return new Attempt(r.get("id", UUID.class), r.get("evaluation_id", UUID.class), r.get("trainee_id", String.class),
                r.get("attempt_no", Integer.class), AttemptStatus.valueOf(r.get("status", String.class)), r.get("started_at", Instant.class),
                r.get("deadline", Instant.class), r.get("submitted_at", Instant.class), Boolean.TRUE.equals(r.get("auto_submitted", Boolean.class)),
                r.get("on_time", Boolean.class), r.get("blank", Boolean.class), r.get("score", BigDecimal.class), r.get("passed", Boolean.class),
                r.get("score_reason", String.class), r.get("result_revision", Integer.class));
    }
}

package io.baeum.rag.index.persistence;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The sweeper's side of the database: claiming documents and replacing their chunks. */
@Repository
public class ChunkStore {

    /** A claimed document, with what the sweeper needs to index it. */
    public record Claimed(UUID id, String channel, @Nullable String courseId, @Nullable String lessonId, String title,
                          String body, String contentHash) {
    }

    /** A chunk ready to be written. */
    public record NewChunk(int ordinal, String section, @Nullable Integer page, String content, String contentHash,
                           String terms, String lexemes, String embeddingModel, String embedding) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;

    ChunkStore(DatabaseClient db, TransactionalOperator tx) {
        this.db = db;
        this.tx = tx;
    }

    /**
     * Claims up to {@code limit} documents waiting for the sweeper — PENDING ones, and INDEXING ones whose
     * lease expired (their instance died) — for {@code owner}. Rows another instance is claiming right now
     * are skipped (FOR UPDATE SKIP LOCKED), so two instances never index the same document at once.
     */
    public Flux<Claimed> claim(String owner, int limit, Duration lease) {
        return db.sql("UPDATE document d SET status = 'INDEXING', lease_owner = :owner, lease_until = now() + make_interval(secs => :lease) "
                        + "FROM (SELECT id FROM document WHERE status = 'PENDING' OR (status = 'INDEXING' AND lease_until < now()) "
                        + "ORDER BY updated_at, id LIMIT :limit FOR UPDATE SKIP LOCKED) c WHERE d.id = c.id "
                        + "RETURNING d.id, d.channel, d.course_id, d.lesson_id, d.title, d.body, d.content_hash")
                .bind("owner", owner).bind("lease", (double) lease.toSeconds()).bind("limit", limit)
                .map(r -> new Claimed(r.get("id", UUID.class), r.get("channel", String.class), r.get("course_id", String.class),
                        r.get("lesson_id", String.class), r.get("title", String.class), r.get("body", String.class),
                        r.get("content_hash", String.class)))
                .all();
    }

    /** Vectors already computed by {@code model} for chunk contents of this document, by content hash. */
    public Mono<Map<String, String>> existingVectors(UUID document, String model) {
        return db.sql("SELECT DISTINCT ON (c.content_hash) c.content_hash, CAST(e.embedding AS text) AS v "
                        + "FROM chunk c JOIN chunk_embedding e ON e.chunk_id = c.id WHERE c.document_id = :id AND e.model = :model")
                .bind("id", document).bind("model", model)
                .map(r -> Map.entry(r.get("content_hash", String.class), r.get("v", String.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Replaces the document's chunks and marks it INDEXED — only while this owner still holds the claim
     * and the body is still the one indexed (a change meanwhile leaves it PENDING for the next pass).
     *
     * @return whether the result was stored
     */
    public Mono<Boolean> replace(Claimed document, String owner, List<NewChunk> chunks) {
        Mono<Boolean> work = db.sql("SELECT 1 FROM document WHERE id = :id AND lease_owner = :owner AND status = 'INDEXING' "
                        + "AND content_hash = :hash FOR UPDATE")
                .bind("id", document.id()).bind("owner", owner).bind("hash", document.contentHash())
                .fetch().first().hasElement()
                .flatMap(held -> !held ? Mono.just(false)
                        : db.sql("DELETE FROM chunk WHERE document_id = :id").bind("id", document.id()).fetch().rowsUpdated()
                        .thenMany(Flux.fromIterable(chunks).concatMap(c -> insert(document, c)))
                        .then(db.sql("INSERT INTO lexicon (channel, course_id, term) SELECT DISTINCT channel, coalesce(course_id, ''), "
                                        + "unnest(tsvector_to_array(lexemes)) FROM chunk WHERE document_id = :id ORDER BY 1, 2, 3 "
                                        + "ON CONFLICT DO NOTHING")
                                .bind("id", document.id()).fetch().rowsUpdated())
                        .then(db.sql("UPDATE document SET status = 'INDEXED', indexed_hash = content_hash, chunk_count = :n, "
                                        + "last_error = NULL, lease_owner = NULL, lease_until = NULL, indexed_at = now() WHERE id = :id")
                                .bind("n", chunks.size()).bind("id", document.id()).fetch().rowsUpdated())
                        .thenReturn(true));
        return work.as(tx::transactional);
    }

    private Mono<Long> insert(Claimed d, NewChunk c) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("WITH inserted AS (INSERT INTO chunk (document_id, channel, course_id, lesson_id, "
                        + "ordinal, section, page, content, content_hash, terms, lexemes) VALUES (:doc, :channel, :course, :lesson, "
                        + ":ordinal, :section, :page, :content, :hash, :terms, CAST(:lexemes AS tsvector)) RETURNING id, channel, course_id) "
                        + "INSERT INTO chunk_embedding (chunk_id, channel, course_id, model, embedding) "
                        + "SELECT id, channel, course_id, :model, CAST(:embedding AS halfvec) FROM inserted")
                .bind("doc", d.id()).bind("channel", d.channel()).bind("ordinal", c.ordinal()).bind("section", c.section())
                .bind("content", c.content()).bind("hash", c.contentHash()).bind("terms", c.terms()).bind("lexemes", c.lexemes())
                .bind("model", c.embeddingModel()).bind("embedding", c.embedding());
        spec = d.courseId() == null ? spec.bindNull("course", String.class) : spec.bind("course", d.courseId());
        spec = d.lessonId() == null ? spec.bindNull("lesson", String.class) : spec.bind("lesson", d.lessonId());
        spec = c.page() == null ? spec.bindNull("page", Integer.class) : spec.bind("page", c.page());
        return spec.fetch().rowsUpdated();
    }

    /** The claim ends in FAILED with a reason (a retry needs a re-index request). */
    public Mono<Void> fail(UUID id, String owner, String reason) {
        return db.sql("UPDATE document SET status = 'FAILED', last_error = :reason, lease_owner = NULL, lease_until = NULL "
                        + "WHERE id = :id AND lease_owner = :owner")
                .bind("id", id).bind("owner", owner).bind("reason", reason).fetch().rowsUpdated().then();
    }

    /** Gives the claim back (PENDING) — e.g. the embedding endpoint is down; the next pass retries. */
    public Mono<Void> release(UUID id, String owner) {
        return db.sql("UPDATE document SET status = 'PENDING', lease_owner = NULL, lease_until = NULL WHERE id = :id AND lease_owner = :owner")
                .bind("id", id).bind("owner", owner).fetch().rowsUpdated().then();
    }

    /** Documents waiting for the sweeper. */
    public Mono<Long> backlog() {
        return db.sql("SELECT count(*) AS n FROM document WHERE status IN ('PENDING', 'INDEXING')")
                .map(r -> r.get("n", Long.class)).one();
    }
}

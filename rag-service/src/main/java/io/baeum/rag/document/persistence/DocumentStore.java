package io.baeum.rag.document.persistence;

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

import io.baeum.rag.document.domain.DocumentDraft;

/** Documents: saved PENDING for the sweeper; a re-sent source with an unchanged body stays as it is. */
@Repository
public class DocumentStore {

    /** A document as listed to administrators (no body). */
    public record DocumentRow(UUID id, String channel, String kind, @Nullable String courseId, @Nullable String lessonId,
                              String title, String mediaType, @Nullable String externalRef, String status, int chunkCount,
                              @Nullable String lastError, String createdBy, Instant createdAt, Instant updatedAt,
                              @Nullable Instant indexedAt) {
    }

    private static final String COLUMNS = "id, channel, kind, course_id, lesson_id, title, media_type, external_ref, status, "
            + "chunk_count, last_error, created_by, created_at, updated_at, indexed_at";

    private final DatabaseClient db;

    DocumentStore(DatabaseClient db) {
        this.db = db;
    }

    /** A new document (PENDING). */
    public Mono<DocumentRow> insert(DocumentDraft draft, String createdBy) {
        return bindDraft(db.sql("INSERT INTO document (id, channel, kind, course_id, lesson_id, title, media_type, external_ref, "
                        + "body, content_hash, status, created_by) VALUES (:id, :channel, :kind, :course, :lesson, :title, :media, "
                        + ":ref, :body, :hash, 'PENDING', :by) RETURNING " + COLUMNS), draft)
                .bind("id", UUID.randomUUID()).bind("by", createdBy)
                .map(DocumentStore::row).one();
    }

    /**
     * Inserts or replaces the document with this external reference. An unchanged body (same content
     * hash) changes nothing, so it is not re-indexed or re-embedded.
     */
    public Mono<DocumentRow> upsert(DocumentDraft draft, String createdBy) {
        return bindDraft(db.sql("INSERT INTO document (id, channel, kind, course_id, lesson_id, title, media_type, external_ref, "
                        + "body, content_hash, status, created_by) VALUES (:id, :channel, :kind, :course, :lesson, :title, :media, "
                        + ":ref, :body, :hash, 'PENDING', :by) ON CONFLICT (external_ref) DO UPDATE SET channel = EXCLUDED.channel, "
                        + "kind = EXCLUDED.kind, course_id = EXCLUDED.course_id, lesson_id = EXCLUDED.lesson_id, title = EXCLUDED.title, "
                        + "media_type = EXCLUDED.media_type, body = EXCLUDED.body, content_hash = EXCLUDED.content_hash, "
                        + "status = 'PENDING', last_error = NULL, updated_at = now() "
                        + "WHERE document.content_hash <> EXCLUDED.content_hash OR document.course_id IS DISTINCT FROM EXCLUDED.course_id "
                        + "OR document.lesson_id IS DISTINCT FROM EXCLUDED.lesson_id RETURNING " + COLUMNS), draft)
                .bind("id", UUID.randomUUID()).bind("by", createdBy)
                .map(DocumentStore::row).one()
                .switchIfEmpty(Mono.defer(() -> byExternalRef(draft.externalRef())));
    }

    private Mono<DocumentRow> byExternalRef(@Nullable String ref) {
        return ref == null ? Mono.empty()
                : db.sql("SELECT " + COLUMNS + " FROM document WHERE external_ref = :ref").bind("ref", ref).map(DocumentStore::row).one();
    }

    public Mono<DocumentRow> find(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM document WHERE id = :id").bind("id", id).map(DocumentStore::row).one();
    }

    /** Deletes the document and (cascade) its chunks. */
    public Mono<Boolean> delete(UUID id) {
        return db.sql("DELETE FROM document WHERE id = :id").bind("id", id).fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Long> deleteByExternalRef(String ref) {
        return db.sql("DELETE FROM document WHERE external_ref = :ref").bind("ref", ref).fetch().rowsUpdated();
    }

    /** Back to PENDING; {@code force} also forgets the indexed hash (chunks are rebuilt; equal chunks keep their vectors). */
    public Mono<Boolean> reindex(UUID id) {
        return db.sql("UPDATE document SET status = 'PENDING', indexed_hash = NULL, last_error = NULL, lease_owner = NULL, "
                        + "lease_until = NULL, updated_at = now() WHERE id = :id")
                .bind("id", id).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** A page of documents, newest first, optionally of one channel, course or status. */
    public Mono<Map.Entry<List<DocumentRow>, Long>> list(@Nullable String channel, @Nullable String course,
                                                         @Nullable String status, int page, int size) {
        String where = " WHERE (CAST(:channel AS text) IS NULL OR channel = :channel) AND (CAST(:course AS text) IS NULL OR course_id = :course)"
                + " AND (CAST(:status AS text) IS NULL OR status = :status)";
        Mono<List<DocumentRow>> items = nullable(nullable(nullable(db.sql("SELECT " + COLUMNS + " FROM document" + where
                + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset"), "channel", channel), "course", course), "status", status)
                .bind("limit", size).bind("offset", (long) page * size).map(DocumentStore::row).all().collectList();
        Mono<Long> total = nullable(nullable(nullable(db.sql("SELECT count(*) AS n FROM document" + where), "channel", channel),
                "course", course), "status", status).map(r -> r.get("n", Long.class)).one();
        return Mono.zip(items, total).map(t -> Map.entry(t.getT1(), t.getT2()));
    }

    /** Documents by status, and chunks: the sweeper's progress. */
    public Mono<Map<String, Long>> progress() {
        return db.sql("SELECT status, count(*) AS n FROM document GROUP BY status UNION ALL SELECT 'CHUNKS', count(*) FROM chunk")
                .map(r -> Map.entry(r.get("status", String.class), r.get("n", Long.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    public Flux<DocumentRow> all() {
        return db.sql("SELECT " + COLUMNS + " FROM document").map(DocumentStore::row).all();
    }

    private static DatabaseClient.GenericExecuteSpec bindDraft(DatabaseClient.GenericExecuteSpec spec, DocumentDraft draft) {
        spec = spec.bind("channel", draft.channel().key()).bind("kind", draft.kind().name()).bind("title", draft.title())
                .bind("media", draft.mediaType()).bind("body", draft.body()).bind("hash", draft.contentHash());
        spec = nullable(spec, "course", draft.courseId());
        spec = nullable(spec, "lesson", draft.lessonId());
        return nullable(spec, "ref", draft.externalRef());
    }

    static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, @Nullable Object value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static DocumentRow row(Readable r) {
        Integer chunks = r.get("chunk_count", Integer.class);
        return new DocumentRow(r.get("id", UUID.class), r.get("channel", String.class), r.get("kind", String.class),
                r.get("course_id", String.class), r.get("lesson_id", String.class), r.get("title", String.class),
                r.get("media_type", String.class), r.get("external_ref", String.class), r.get("status", String.class),
                chunks == null ? 0 : chunks, r.get("last_error", String.class), r.get("created_by", String.class),
                r.get("created_at", Instant.class), r.get("updated_at", Instant.class), r.get("indexed_at", Instant.class));
    }
}

package io.baeum.exam.assignment.persistence;

import java.time.Instant;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Assignment files' metadata (the content is behind the storage port). */
@Repository
public class FileStore {

    private final DatabaseClient db;

    FileStore(DatabaseClient db) {
        this.db = db;
    }

    public record SubmittedFile(UUID id, UUID attemptId, String traineeId, String fileName, String contentType, long size, String sha256,
                                String storageKey, Instant uploadedAt) {
    }

    public Mono<Void> insert(SubmittedFile f) {
        return db.sql("INSERT INTO submission_file (id, attempt_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_at) "
                        + "VALUES (:id, :attempt, :name, :type, :size, :sha, :key, :at)")
                .bind("id", f.id()).bind("attempt", f.attemptId()).bind("name", f.fileName()).bind("type", f.contentType())
                .bind("size", f.size()).bind("sha", f.sha256()).bind("key", f.storageKey()).bind("at", f.uploadedAt()).then();
    }

    public Flux<SubmittedFile> ofAttempt(UUID attemptId) {
        return query("WHERE f.attempt_id = :id", attemptId);
    }

    /** Files of the submitted attempts of an evaluation (the copied-answer check). */
    public Flux<SubmittedFile> ofEvaluation(UUID evaluationId) {
        return query("WHERE a.evaluation_id = :id AND a.status <> 'IN_PROGRESS'", evaluationId);
    }

    private Flux<SubmittedFile> query(String where, UUID id) {
        return db.sql("SELECT f.id, f.attempt_id, a.trainee_id, f.file_name, f.content_type, f.size_bytes, f.sha256, f.storage_key, f.uploaded_at "
                        + "FROM submission_file f JOIN attempt a ON a.id = f.attempt_id " + where + " ORDER BY f.uploaded_at, f.id")
                .bind("id", id)
                .map(r -> new SubmittedFile(r.get("id", UUID.class), r.get("attempt_id", UUID.class), r.get("trainee_id", String.class),
                        r.get("file_name", String.class), r.get("content_type", String.class), r.get("size_bytes", Long.class),
                        r.get("sha256", String.class), r.get("storage_key", String.class), r.get("uploaded_at", Instant.class)))
                .all();
    }
}

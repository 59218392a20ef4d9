package io.baeum.exam.assignment.storage;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where assignment files live: a local directory now, object storage in production. The adapter
 * counts and hashes while it writes, and refuses a file over the limit without keeping any of it.
 */
public interface SubmissionStorage {

    /** A stored file: its key, SHA-256 (hex) and size. */
    record Stored(String key, String sha256, long size) {
    }

    /** Stores the content; errors with {@code FILE_TOO_LARGE} (nothing kept) past {@code maxBytes}. */
    Mono<Stored> store(Flux<DataBuffer> content, long maxBytes);

    /** Removes a stored file (a submission that was refused after storing). */
    Mono<Void> delete(String key);
}

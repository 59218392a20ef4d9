package io.baeum.learning.board;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the bytes of course materials live (the local filesystem here; an object store in production would be
 * another adapter). Keys are made by the board feature and never come from a client.
 */
public interface MaterialStorage {

    /** Writes the content under the key; nothing is left behind when the content fails (e.g. too large). */
    Mono<Void> store(String key, Flux<DataBuffer> content);

    /** Streams the content; fails with {@code MATERIAL_NOT_FOUND} when the key holds nothing. */
    Flux<DataBuffer> read(String key);

    Mono<Void> delete(String key);
}

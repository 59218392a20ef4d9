package io.baeum.exam.paging;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;

/**
 * A page of a list: 0-based page and size 1..100 (every list paginates). Lists are ordered by a
 * fixed key chosen by each query, never by text from the client.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;

    public static Paging of(@Nullable Integer page, @Nullable Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > 100_000 || s < 1 || s > MAX_SIZE) {
            throw DomainException.invalid("INVALID_PAGE", "page must be within 0..100000 and size within 1.." + MAX_SIZE);
        }
        return new Paging(p, s);
    }

    public long offset() {
        return (long) page * size;
    }

    /** The list metadata of the response envelope. */
    public Map<String, Object> metadata(long total) {
        return Map.of("page", page, "size", size, "total", total);
    }
}

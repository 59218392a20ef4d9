package io.baeum.learning.support;

import java.util.Map;

import io.baeum.common.error.DomainException;

/**
 * A page of a list: 0-based page, size 1..100, and a sort key chosen from a whitelist (the key maps
 * to a fixed SQL expression, so nothing from the client reaches SQL text).
 *
 * @param page       0-based page number
 * @param size       items per page
 * @param sortKey    the client's sort key (e.g. {@code title})
 * @param sortColumn the SQL expression it maps to
 * @param descending direction
 */
public record PageRequest(int page, int size, String sortKey, String sortColumn, boolean descending) {

    public static final int MAX_SIZE = 100;

    /**
     * @param sort    {@code key} or {@code key,desc} / {@code key,asc}; null for the default
     * @param allowed sort keys to SQL expressions; the first entry is the default
     */
    public static PageRequest of(Integer page, Integer size, String sort, Map<String, String> allowed, String defaultKey) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0 || p > 100_000) {
            throw DomainException.invalid("INVALID_PAGE", "page must be within 0..100000");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw DomainException.invalid("INVALID_PAGE", "size must be within 1.." + MAX_SIZE);
        }
        String key = defaultKey;
        boolean desc = false;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",", 2);
            key = parts[0].strip();
            if (parts.length == 2) {
                String direction = parts[1].strip().toLowerCase(java.util.Locale.ROOT);
                if (!direction.equals("asc") && !direction.equals("desc")) {
                    throw DomainException.invalid("INVALID_SORT", "sort direction must be asc or desc");
                }
                desc = direction.equals("desc");
            }
        }
        String column = allowed.get(key);
        if (column == null) {
            throw DomainException.invalid("INVALID_SORT", "unknown sort key " + key, String.join(", ", allowed.keySet()));
        }
        return new PageRequest(p, s, key, column, desc);
    }

    public long offset() {
        return (long) page * size;
    }

    /** {@code ORDER BY} text: the whitelisted column, the direction and a tie-breaker for stable pages. */
    public String orderBy(String tieBreaker) {
        return sortColumn + (descending ? " DESC" : " ASC") + ", " + tieBreaker;
    }

    /** The list metadata of the response envelope. */
    public Map<String, Object> metadata(long total) {
        return Map.of("page", page, "size", size, "total", total, "sort", sortKey + "," + (descending ? "desc" : "asc"));
    }
}

package io.baeum.learning.support;

import java.util.List;

/** One page of results and the total count. */
public record Page<T>(List<T> items, long total) {
    public Page {
        items = List.copyOf(items);
    }
}

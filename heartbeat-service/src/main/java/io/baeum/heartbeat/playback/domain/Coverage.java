package io.baeum.heartbeat.playback.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of media seconds as sorted, disjoint, non-adjacent half-open spans {@code [from, to)}.
 * Immutable; union is commutative and idempotent, like the merge learning-service applies.
 */
public record Coverage(List<Span> spans) {

    public Coverage {
        spans = List.copyOf(spans);
    }

    /** No second covered. */
    public static Coverage empty() {
        return new Coverage(List.of());
    }

    /** {@code [from, to)}, {@code 0 <= from < to}. */
    public record Span(int from, int to) {
        public Span {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException("span must satisfy 0 <= from < to");
            }
        }

        public int length() {
            return to - from;
        }
    }

    /** This set plus {@code [from, to)}; itself when the span is empty. */
    public Coverage plus(int from, int to) {
        if (to <= from) {
            return this;
        }
        List<Span> merged = new ArrayList<>(spans.size() + 1);
        int newFrom = from;
        int newTo = to;
        boolean placed = false;
        for (Span span : spans) {
            if (span.to() < newFrom) {
                merged.add(span);
            } else if (span.from() > newTo) {
                if (!placed) {
                    merged.add(new Span(newFrom, newTo));
                    placed = true;
                }
                merged.add(span);
            } else {
                newFrom = Math.min(newFrom, span.from());
                newTo = Math.max(newTo, span.to());
            }
        }
        if (!placed) {
            merged.add(new Span(newFrom, newTo));
        }
        return new Coverage(merged);
    }

    /** The parts of {@code [from, to)} not in this set, ascending. */
    public List<Span> missingFrom(int from, int to) {
        List<Span> missing = new ArrayList<>();
        int cursor = from;
        for (Span span : spans) {
            if (cursor >= to) {
                break;
            }
            if (span.to() <= cursor) {
                continue;
            }
            if (span.from() >= to) {
                break;
            }
            if (span.from() > cursor) {
                missing.add(new Span(cursor, span.from()));
            }
            cursor = Math.max(cursor, span.to());
        }
        if (cursor < to) {
            missing.add(new Span(cursor, to));
        }
        return missing;
    }

    /** How many seconds are covered. */
    public int seconds() {
        int total = 0;
        for (Span span : spans) {
            total += span.length();
        }
        return total;
    }
}

package io.baeum.exam.evaluation.domain;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.exam.bank.domain.Difficulty;

/**
 * Which items an attempt gets: a fixed list, or random draws from the course's pool (each draw: a
 * difficulty and/or tag, and a count). Assignments have neither.
 */
public record Selection(List<UUID> fixed, List<Draw> draws) {

    /** Draw {@code count} items of this difficulty and tag (either may be absent) from the course's current items. */
    public record Draw(@Nullable Difficulty difficulty, @Nullable String tag, int count) {
    }

    public Selection {
        fixed = List.copyOf(fixed);
        draws = List.copyOf(draws);
    }

    public static Selection none() {
        return new Selection(List.of(), List.of());
    }

    public boolean isEmpty() {
        return fixed.isEmpty() && draws.isEmpty();
    }
}

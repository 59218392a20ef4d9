package io.baeum.learning.proxystudy.domain;

import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A pattern worth an admin's look, with the sightings that make it.
 *
 * @param dedupeKey the same pattern found again yields the same key (one flag)
 */
public record Suspicion(FlagKind kind, String dedupeKey, @Nullable String clientIp, SortedSet<String> accountIds,
                        SortedSet<UUID> enrollmentIds, SortedSet<String> sessionIds, Instant firstAt, Instant lastAt,
                        List<SessionSighting> evidence) {

    public Suspicion {
        accountIds = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(accountIds));
        enrollmentIds = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(enrollmentIds));
        sessionIds = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(sessionIds));
        evidence = List.copyOf(evidence);
    }
}

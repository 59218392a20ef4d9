package io.baeum.auth.audit.domain;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Something to record: who ({@code actorId}, {@code null} for the system), from where, what action,
 * whose data, and a detail (stored as JSON) (never the personal data itself).
 */
public record AuditEntry(@Nullable UUID actorId, @Nullable String actorIp, String action,
        @Nullable UUID targetAccountId, Map<String, ?> detail) {

    public AuditEntry {
        detail = Map.copyOf(detail);
    }
}

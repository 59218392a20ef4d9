package io.baeum.auth.audit.domain;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A recorded audit row. */
public record AuditEvent(long seq, Instant occurredAt, @Nullable UUID actorId, @Nullable String actorIp,
        String action, @Nullable UUID targetAccountId, String detail, String prevHash, String hash) {
}

package io.baeum.auth.audit.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.baeum.auth.audit.domain.AuditEvent;

@Repository
public class AuditStore {

    /** Serialises appends so the chain has one order (pg_advisory_xact_lock). */
    private static final long CHAIN_LOCK = 0x6175_6469_74L;

    private final DatabaseClient db;

    AuditStore(DatabaseClient db) {
        this.db = db;
    }

    /** Locks the chain for the caller's transaction and answers the last row's seq and hash. */
    public Mono<Tail> lockTail() {
        return db.sql("SELECT pg_advisory_xact_lock(:lock)").bind("lock", CHAIN_LOCK).then()
                .then(db.sql("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")
                        .map(row -> new Tail(row.get("seq", Long.class), row.get("hash", String.class))).one())
                .defaultIfEmpty(new Tail(0, null));
    }

    public Mono<Void> insert(AuditEvent event) {
        return db.sql("INSERT INTO audit_event (seq, occurred_at, actor_id, actor_ip, action, target_account_id, detail, "
                        + "prev_hash, hash) VALUES (:seq, :at, :actor, :ip, :action, :target, :detail, :prev, :hash)")
                .bind("seq", event.seq())
                .bind("at", event.occurredAt().atOffset(ZoneOffset.UTC))
                .bind("actor", Parameter.fromOrEmpty(event.actorId(), UUID.class))
                .bind("ip", Parameter.fromOrEmpty(event.actorIp(), String.class))
                .bind("action", event.action())
                .bind("target", Parameter.fromOrEmpty(event.targetAccountId(), UUID.class))
                .bind("detail", event.detail())
                .bind("prev", event.prevHash())
                .bind("hash", event.hash())
                .then();
    }

    /** Every row in chain order (streamed). */
    public Flux<AuditEvent> all() {
        return db.sql("SELECT * FROM audit_event ORDER BY seq").map(AuditStore::toEvent).all();
    }

    public Flux<AuditEvent> query(@Nullable UUID actor, @Nullable UUID target, @Nullable String action,
            @Nullable Instant from, @Nullable Instant to, int page, int size) {
        return db.sql("SELECT * FROM audit_event WHERE (:actor::uuid IS NULL OR actor_id = :actor::uuid) "
                        + "AND (:target::uuid IS NULL OR target_account_id = :target::uuid) "
                        + "AND (:action::text IS NULL OR action = :action::text) "
                        + "AND (:from::timestamptz IS NULL OR occurred_at >= :from::timestamptz) "
                        + "AND (:to::timestamptz IS NULL OR occurred_at < :to::timestamptz) "
                        + "ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .bind("actor", Parameter.fromOrEmpty(actor, UUID.class))
                .bind("target", Parameter.fromOrEmpty(target, UUID.class))
                .bind("action", Parameter.fromOrEmpty(action, String.class))
                .bind("from", Parameter.fromOrEmpty(from == null ? null : from.atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("to", Parameter.fromOrEmpty(to == null ? null : to.atOffset(ZoneOffset.UTC), OffsetDateTime.class))
                .bind("limit", size)
                .bind("offset", (long) page * size)
                .map(AuditStore::toEvent).all();
    }

    private static AuditEvent toEvent(Readable row) {
        return new AuditEvent(row.get("seq", Long.class), row.get("occurred_at", OffsetDateTime.class).toInstant(),
                row.get("actor_id", UUID.class), row.get("actor_ip", String.class), row.get("action", String.class),
                row.get("target_account_id", UUID.class), row.get("detail", String.class),
                row.get("prev_hash", String.class), row.get("hash", String.class));
    }

    public record Tail(long seq, @Nullable String hash) {
    }
}

package io.baeum.auth.session.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** Login sessions and their refresh tokens (hashes only). */
@Repository
public class SessionStore {

    private final DatabaseClient db;

    SessionStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insertSession(SessionRow session) {
        return db.sql("INSERT INTO login_session (id, account_id, method, created_at, absolute_expires_at, "
                        + "last_access_token_at, identity_verified_at, client_ip, user_agent) VALUES (:id, :account, "
                        + ":method, :created, :absolute, :created, :idv, :ip, :ua)")
                .bind("id", session.id())
                .bind("account", session.accountId())
                .bind("method", session.method())
                .bind("created", odt(session.createdAt()))
                .bind("absolute", odt(session.absoluteExpiresAt()))
                .bind("idv", Parameter.fromOrEmpty(session.identityVerifiedAt() == null ? null
                        : odt(session.identityVerifiedAt()), OffsetDateTime.class))
                .bind("ip", Parameter.fromOrEmpty(session.clientIp(), String.class))
                .bind("ua", Parameter.fromOrEmpty(session.userAgent(), String.class))
                .then();
    }

    public Mono<Void> insertRefreshToken(byte[] hash, UUID sessionId, Instant issuedAt, Instant idleExpiresAt) {
        return db.sql("INSERT INTO refresh_token (token_hash, session_id, issued_at, idle_expires_at) "
                        + "VALUES (:hash, :session, :issued, :idle)")
                .bind("hash", hash).bind("session", sessionId).bind("issued", odt(issuedAt))
                .bind("idle", odt(idleExpiresAt))
                .then();
    }

    /** The session a refresh token belongs to, whatever its state. */
    public Mono<UUID> sessionOf(byte[] hash) {
        return db.sql("SELECT session_id FROM refresh_token WHERE token_hash = :hash")
                .bind("hash", hash).map(row -> row.get("session_id", UUID.class)).one();
    }

    /**
     * Marks the token spent if (and only if) it was unspent: concurrent callers race on the row lock
     * and exactly one gets a row back (A2).
     */
    public Mono<Consumed> consume(byte[] hash, Instant now) {
        return db.sql("UPDATE refresh_token SET consumed_at = :now WHERE token_hash = :hash AND consumed_at IS NULL "
                        + "RETURNING session_id, idle_expires_at")
                .bind("hash", hash).bind("now", odt(now))
                .map(row -> new Consumed(row.get("session_id", UUID.class),
                        row.get("idle_expires_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    public Mono<SessionRow> findSession(UUID id) {
        return db.sql("SELECT id, account_id, method, created_at, absolute_expires_at, last_access_token_at, "
                        + "identity_verified_at, client_ip, user_agent, revoked_at FROM login_session WHERE id = :id")
                .bind("id", id)
                .map(row -> new SessionRow(row.get("id", UUID.class), row.get("account_id", UUID.class),
                        row.get("method", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                        row.get("absolute_expires_at", OffsetDateTime.class).toInstant(),
                        row.get("last_access_token_at", OffsetDateTime.class).toInstant(),
                        instant(row.get("identity_verified_at", OffsetDateTime.class)),
                        row.get("client_ip", String.class), row.get("user_agent", String.class),
                        instant(row.get("revoked_at", OffsetDateTime.class))))
                .one();
    }

    public Mono<Void> touch(UUID sessionId, Instant accessTokenAt, @Nullable Instant identityVerifiedAt) {
        return db.sql("UPDATE login_session SET last_access_token_at = :at, "
                        + "identity_verified_at = coalesce(:idv, identity_verified_at) WHERE id = :id")
                .bind("id", sessionId).bind("at", odt(accessTokenAt))
                .bind("idv", Parameter.fromOrEmpty(identityVerifiedAt == null ? null : odt(identityVerifiedAt),
                        OffsetDateTime.class))
                .then();
    }

    /** Revokes one session if live; emits it (with its last access-token time) when this call revoked it. */
    public Mono<Revoked> revoke(UUID sessionId, String reason, Instant now) {
        return db.sql("UPDATE login_session SET revoked_at = :now, revoke_reason = :reason "
                        + "WHERE id = :id AND revoked_at IS NULL RETURNING id, account_id, last_access_token_at")
                .bind("id", sessionId).bind("reason", reason).bind("now", odt(now))
                .map(row -> new Revoked(row.get("id", UUID.class), row.get("account_id", UUID.class),
                        row.get("last_access_token_at", OffsetDateTime.class).toInstant()))
                .one();
    }

    /** Revokes every live session of an account. */
    public Flux<Revoked> revokeAll(UUID accountId, String reason, Instant now) {
        return db.sql("UPDATE login_session SET revoked_at = :now, revoke_reason = :reason "
                        + "WHERE account_id = :account AND revoked_at IS NULL RETURNING id, account_id, last_access_token_at")
                .bind("account", accountId).bind("reason", reason).bind("now", odt(now))
                .map(row -> new Revoked(row.get("id", UUID.class), row.get("account_id", UUID.class),
                        row.get("last_access_token_at", OffsetDateTime.class).toInstant()))
                .all();
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    public record SessionRow(UUID id, UUID accountId, String method, Instant createdAt, Instant absoluteExpiresAt,
            Instant lastAccessTokenAt, @Nullable Instant identityVerifiedAt, @Nullable String clientIp,
            @Nullable String userAgent, @Nullable Instant revokedAt) {
    }

    public record Consumed(UUID sessionId, Instant idleExpiresAt) {
    }

    public record Revoked(UUID sessionId, UUID accountId, Instant lastAccessTokenAt) {
    }
}

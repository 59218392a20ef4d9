package io.baeum.auth.session;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.baeum.auth.session.domain.RefreshTokenValue;
import io.baeum.auth.session.domain.RevocationReason;
import io.baeum.auth.session.domain.SessionErrors;
import io.baeum.auth.session.persistence.SessionStore;
import io.baeum.auth.shared.ClientInfo;
import io.baeum.auth.token.AccessTokenIssuer;
import io.baeum.auth.token.TokenProperties;
import io.baeum.common.events.DomainEvent;
import io.baeum.common.events.OutboxWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Login sessions: opening one (access + refresh token), refreshing with rotation and reuse
 * detection, and revoking (deny-list + {@code SessionRevoked} event through the outbox).
 */
@Service
public class SessionService {

    /** The CloudEvents type of a revocation. */
    public static final String SESSION_REVOKED = "io.baeum.auth.SessionRevoked.v1";
    /** Where revocations are announced. */
    public static final String DESTINATION = "learning-events";

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);
    private static final URI SOURCE = URI.create("/auth-service");

    private final SessionStore store;
    private final SessionSubjects subjects;
    private final SessionDenyList denyList;
    private final AccessTokenIssuer issuer;
    private final TokenProperties properties;
    private final OutboxWriter outbox;
    private final TransactionalOperator tx;
    private final JsonMapper json;
    private final Clock clock;

    SessionService(SessionStore store, SessionSubjects subjects, SessionDenyList denyList, AccessTokenIssuer issuer,
            TokenProperties properties, OutboxWriter outbox, TransactionalOperator tx, JsonMapper json, Clock clock) {
        this.store = store;
        this.subjects = subjects;
        this.denyList = denyList;
        this.issuer = issuer;
        this.properties = properties;
        this.outbox = outbox;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    /** Opens a session for an authenticated subject. */
    public Mono<TokenPair> open(SessionSubject subject, String method, ClientInfo client) {
        Instant now = clock.instant();
        UUID sessionId = UUID.randomUUID();
        Instant absolute = now.plus(properties.refreshAbsoluteTtl());
        RefreshTokenValue refresh = RefreshTokenValue.generate();
        Instant idle = min(now.plus(properties.refreshIdleTtl()), absolute);
        return store.insertSession(new SessionStore.SessionRow(sessionId, subject.accountId(), method, now, absolute, now,
                        subject.identityVerifiedAt(), client.ip(), client.userAgent(), null))
                .then(store.insertRefreshToken(refresh.hash(), sessionId, now, idle))
                .then(Mono.fromSupplier(() -> pair(subject, sessionId, refresh, idle)))
                .as(tx::transactional);
    }

    /**
     * Exchanges a refresh token for a new pair. The token is spent atomically; presenting a spent
     * token revokes its whole session (family), including the newest token (A1). Fails closed
     * ({@code SESSION_STORE_UNAVAILABLE}) when the deny-list cannot be consulted.
     */
    public Mono<TokenPair> refresh(@Nullable String raw) {
        if (raw == null || !RefreshTokenValue.plausible(raw)) {
            return Mono.error(SessionErrors.invalidGrant());
        }
        byte[] hash = new RefreshTokenValue(raw).hash();
        return store.sessionOf(hash)
                .switchIfEmpty(Mono.error(SessionErrors::invalidGrant))
                .flatMap(sessionId -> denyList.isRevoked(sessionId.toString())
                        .flatMap(revoked -> revoked ? Mono.error(SessionErrors.invalidGrant())
                                : rotate(hash).as(tx::transactional))
                        .flatMap(outcome -> switch (outcome) {
                            case Outcome.Issued issued -> Mono.just(issued.pair());
                            case Outcome.Refused refused -> Mono.error(SessionErrors.invalidGrant());
                            case Outcome.Reused reused -> {
                                log.warn("refresh token reuse: session {} revoked", reused.sessionId());
                                yield revoke(reused.sessionId(), RevocationReason.REFRESH_TOKEN_REUSE)
                                        .then(Mono.error(SessionErrors.invalidGrant()));
                            }
                        }));
    }

    private Mono<Outcome> rotate(byte[] hash) {
        Instant now = clock.instant();
        return store.consume(hash, now)
                .flatMap(consumed -> store.findSession(consumed.sessionId()).flatMap(session -> {
                    if (session.revokedAt() != null || !now.isBefore(session.absoluteExpiresAt())
                            || !now.isBefore(consumed.idleExpiresAt())) {
                        return Mono.<Outcome>just(new Outcome.Refused());
                    }
                    return subjects.find(session.accountId())
                            .filter(SessionSubject::active)
                            .flatMap(subject -> {
                                RefreshTokenValue next = RefreshTokenValue.generate();
                                Instant idle = min(now.plus(properties.refreshIdleTtl()), session.absoluteExpiresAt());
                                return store.insertRefreshToken(next.hash(), session.id(), now, idle)
                                        .then(store.touch(session.id(), now, null))
                                        .then(Mono.<Outcome>fromSupplier(() ->
                                                new Outcome.Issued(pair(subject, session.id(), next, idle))));
                            })
                            .defaultIfEmpty(new Outcome.Refused());
                }))
                // no unspent row: either unknown (checked before) or spent — a reuse
                .switchIfEmpty(store.sessionOf(hash).map(Outcome.Reused::new));
    }

    /**
     * A fresh access token for a live session, e.g. after a step-up identity verification; its
     * {@code idv_at} is the account's latest verification.
     */
    public Mono<TokenPair> reissue(UUID sessionId, SessionSubject subject) {
        Instant now = clock.instant();
        return store.findSession(sessionId)
                .filter(session -> session.revokedAt() == null && session.accountId().equals(subject.accountId()))
                .switchIfEmpty(Mono.error(SessionErrors::invalidGrant))
                .flatMap(session -> {
                    RefreshTokenValue next = RefreshTokenValue.generate();
                    Instant idle = min(now.plus(properties.refreshIdleTtl()), session.absoluteExpiresAt());
                    return store.insertRefreshToken(next.hash(), sessionId, now, idle)
                            .then(store.touch(sessionId, now, subject.identityVerifiedAt()))
                            .then(Mono.fromSupplier(() -> pair(subject, sessionId, next, idle)));
                })
                .as(tx::transactional);
    }

    /** Logs one session out. Fails closed when the deny-list cannot be written. */
    public Mono<Void> logout(UUID sessionId) {
        return revoke(sessionId, RevocationReason.LOGOUT).then();
    }

    /** Revokes one session in its own transaction. */
    public Mono<Boolean> revoke(UUID sessionId, RevocationReason reason) {
        Instant now = clock.instant();
        return store.revoke(sessionId, reason.name(), now)
                .flatMap(revoked -> announce(revoked, reason, now))
                .hasElement()
                .as(tx::transactional);
    }

    /**
     * Revokes every session of an account, in the <em>caller's</em> transaction: the rows, the
     * outbox events and the deny-list entries succeed together or the caller's change rolls back.
     */
    public Mono<Long> revokeAll(UUID accountId, RevocationReason reason) {
        Instant now = clock.instant();
        return store.revokeAll(accountId, reason.name(), now)
                .concatMap(revoked -> announce(revoked, reason, now))
                .count();
    }

    private Mono<SessionStore.Revoked> announce(SessionStore.Revoked revoked, RevocationReason reason, Instant now) {
        Instant deniedUntil = revoked.lastAccessTokenAt().plus(properties.accessTokenTtl()).plus(properties.clockSkew());
        Duration ttl = Duration.between(now, deniedUntil);
        SessionRevokedData data = new SessionRevokedData(revoked.sessionId().toString(), revoked.accountId().toString(),
                reason.name(), now, deniedUntil);
        DomainEvent event = DomainEvent.of(SESSION_REVOKED, SOURCE, revoked.accountId().toString(),
                json.valueToTree(data), clock);
        return outbox.append(DESTINATION, event)
                .then(denyList.deny(revoked.sessionId().toString(), reason.name(), ttl))
                .thenReturn(revoked);
    }

    private TokenPair pair(SessionSubject subject, UUID sessionId, RefreshTokenValue refresh, Instant refreshExpiresAt) {
        AccessTokenIssuer.IssuedAccessToken access = issuer.forUser(subject.accountId(), subject.roles(), sessionId,
                subject.identityVerifiedAt());
        return new TokenPair(access.value(), "Bearer", access.expiresIn(), refresh.value(), refreshExpiresAt, sessionId);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** The payload of {@value #SESSION_REVOKED}. */
    public record SessionRevokedData(String sessionId, String accountId, String reason, Instant revokedAt,
            Instant deniedUntil) {
    }

    private sealed interface Outcome {
        record Issued(TokenPair pair) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record Reused(UUID sessionId) implements Outcome {
        }
    }
}

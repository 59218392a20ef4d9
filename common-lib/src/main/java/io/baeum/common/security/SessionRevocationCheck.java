package io.baeum.common.security;

import reactor.core.publisher.Mono;

/**
 * Tells whether a login session ({@code sid}) has been revoked by logout, refresh-token reuse or
 * suspension. Checked on every authenticated request, after the token itself verified.
 *
 * <p>An implementation must not block and should fail (signal an error) rather than answer
 * {@code false} when it cannot tell: a failed check rejects the request.
 */
@FunctionalInterface
public interface SessionRevocationCheck {

    /**
     * The shared deny-list contract in Redis: auth-service writes {@code <prefix><sid>} (value: the
     * reason, TTL: the remaining life of the session's access tokens) when it revokes a session; the
     * gateway and every service refuse a token whose {@code sid} key exists.
     */
    String DENY_LIST_KEY_PREFIX = "baeum:session:revoked:";

    /** A check for services without a deny-list yet: no session is ever revoked. */
    SessionRevocationCheck NONE = sessionId -> Mono.just(false);

    /**
     * @param sessionId the {@code sid} claim of a verified access token
     * @return {@code true} when the session is revoked and the token must be refused
     */
    Mono<Boolean> isRevoked(String sessionId);

    /** A check that never reports a revoked session; see {@link #NONE}. */
    static SessionRevocationCheck none() {
        return NONE;
    }
}

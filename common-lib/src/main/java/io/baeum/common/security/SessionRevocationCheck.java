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

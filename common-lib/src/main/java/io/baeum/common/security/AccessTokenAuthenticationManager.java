package io.baeum.common.security;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;

/**
 * Authenticates a {@link BearerTokenAuthenticationConverter.BearerToken}: verifies the token, then
 * refuses it if its session is revoked. A revocation check that fails propagates its error, so the
 * request fails closed.
 */
final class AccessTokenAuthenticationManager implements ReactiveAuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(AccessTokenAuthenticationManager.class);

    private final AccessTokenVerifier verifier;
    private final SessionRevocationCheck revocationCheck;

    AccessTokenAuthenticationManager(AccessTokenVerifier verifier, SessionRevocationCheck revocationCheck) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.revocationCheck = Objects.requireNonNull(revocationCheck, "revocationCheck");
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationConverter.BearerToken bearer)) {
            return Mono.empty();
        }
        return verifier.verify(bearer.token())
                .onErrorMap(InvalidAccessTokenException.class, ex -> {
                    log.debug("Access token rejected: {}", ex.reason());
                    return new InvalidBearerTokenException("Invalid access token", ex);
                })
                .flatMap(token -> revocationCheck.isRevoked(token.sessionId())
                        .switchIfEmpty(Mono.error(() -> new IllegalStateException("revocation check answered nothing")))
                        .flatMap(revoked -> {
                            if (revoked) {
                                log.debug("Access token of a revoked session refused");
                                return Mono.error(new InvalidBearerTokenException("Session revoked", null));
                            }
                            return Mono.just(new AccessTokenAuthentication(token));
                        }));
    }
}

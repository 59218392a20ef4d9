package io.baeum.auth.session;

import java.time.Duration;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import io.baeum.auth.session.domain.SessionErrors;
import io.baeum.common.security.SessionRevocationCheck;

/**
 * The Redis deny-list of revoked sessions, shared with the gateway and every service: key
 * {@value #PREFIX}{@code <sid>}, value the reason, TTL the remaining life of the session's last
 * access token. Auth's own bearer-token security checks it too.
 *
 * <p>Fails closed: when Redis cannot answer, checks and writes signal
 * {@code SESSION_STORE_UNAVAILABLE} (503) rather than guess.
 */
@Component
public class SessionDenyList implements SessionRevocationCheck {

    public static final String PREFIX = SessionRevocationCheck.DENY_LIST_KEY_PREFIX;
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveStringRedisTemplate redis;

    SessionDenyList(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    @Override
    public Mono<Boolean> isRevoked(String sessionId) {
        return redis.hasKey(PREFIX + sessionId)
                .timeout(TIMEOUT)
                .onErrorMap(ex -> SessionErrors.sessionStoreUnavailable());
    }

    /** Denies {@code sessionId} for {@code ttl} (at least one second). */
    public Mono<Void> deny(String sessionId, String reason, Duration ttl) {
        Duration effective = ttl.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : ttl;
        return redis.opsForValue().set(PREFIX + sessionId, reason, effective)
                .timeout(TIMEOUT)
                .onErrorMap(ex -> SessionErrors.sessionStoreUnavailable())
                .then();
    }
}

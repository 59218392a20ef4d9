package io.baeum.common.security;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.baeum.common.error.DomainException;
import reactor.core.publisher.Mono;

/**
 * The deny-list auth-service writes ({@code baeum:session:revoked:<sid>}), read with one non-blocking
 * {@code EXISTS} per session and {@link DenyListProperties#cacheTtl()}: a busy session (a player
 * sending beats) costs one Redis call per TTL, not one per request, and a revocation is seen
 * everywhere within that TTL.
 *
 * <p>When Redis cannot answer in time, {@link DenyListProperties#failClosed()} decides: an error
 * (the request is refused) or "not revoked" (logged, not cached, so the next request asks again).
 */
public final class RedisSessionRevocationCheck implements SessionRevocationCheck {

    private static final Logger log = LoggerFactory.getLogger(RedisSessionRevocationCheck.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration timeout;
    private final boolean failClosed;
    private final Cache<String, Boolean> answers;

    public RedisSessionRevocationCheck(ReactiveStringRedisTemplate redis, DenyListProperties properties) {
        this.redis = redis;
        this.timeout = properties.timeout();
        this.failClosed = properties.failClosed();
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(200_000)
                .build();
    }

    @Override
    public Mono<Boolean> isRevoked(String sessionId) {
        Boolean known = answers.getIfPresent(sessionId);
        if (known != null) {
            return Mono.just(known);
        }
        return redis.hasKey(DENY_LIST_KEY_PREFIX + sessionId)
                .timeout(timeout, Mono.error(() -> new TimeoutException("deny-list lookup took over " + timeout)))
                .doOnNext(revoked -> answers.put(sessionId, revoked))
                .onErrorResume(this::unknown);
    }

    private Mono<Boolean> unknown(Throwable failure) {
        if (failClosed) {
            log.warn("session deny-list unavailable, refusing the request: {}", failure.toString());
            return Mono.error(DomainException.unavailable("SESSION_CHECK_UNAVAILABLE",
                    "Your session cannot be checked right now; try again in a moment"));
        }
        log.warn("session deny-list unavailable, letting the request through as not revoked: {}", failure.toString());
        return Mono.just(false);
    }
}

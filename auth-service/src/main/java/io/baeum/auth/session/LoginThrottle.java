package io.baeum.auth.session;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import io.baeum.auth.session.domain.SessionErrors;

/**
 * Counts failed sign-ins per account and per IP in Redis and refuses further attempts over the
 * limit ({@code LOGIN_THROTTLED}, 429) — whether or not the account exists.
 *
 * <p>Fallback when Redis is down: the same limits are counted in this instance's memory (bounded,
 * expiring after the window). Sign-in keeps working; with N instances an attacker gets at most N
 * times the limit until Redis is back. Counting is never skipped.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String PREFIX = "baeum:auth:login-failures:";
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final ReactiveStringRedisTemplate redis;
    private final LoginThrottleProperties properties;
    private final Cache<String, AtomicInteger> local;
    private final Counter fallbacks;

    LoginThrottle(ReactiveStringRedisTemplate redis, LoginThrottleProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.local = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(properties.window().toMillis(), TimeUnit.MILLISECONDS).build();
        this.fallbacks = Counter.builder("baeum.auth.login.throttle.fallback")
                .description("throttle decisions taken in memory because Redis was unavailable").register(meters);
    }

    /** Errors with {@code LOGIN_THROTTLED} when the account or the IP is over its limit. */
    public Mono<Void> checkAllowed(byte[] accountKey, String ip) {
        String account = accountKey(accountKey);
        String address = ipKey(ip);
        return redis.opsForValue().multiGet(List.of(account, address))
                .timeout(TIMEOUT)
                .map(values -> new int[] {parse(values.get(0)), parse(values.get(1))})
                .onErrorResume(ex -> {
                    fallback(ex);
                    return Mono.just(new int[] {localCount(account), localCount(address)});
                })
                .flatMap(counts -> counts[0] >= properties.accountFailures() || counts[1] >= properties.ipFailures()
                        ? Mono.error(SessionErrors.throttled(properties.window().toSeconds()))
                        : Mono.empty());
    }

    public Mono<Void> recordFailure(byte[] accountKey, String ip) {
        return Mono.when(increment(accountKey(accountKey)), increment(ipKey(ip)));
    }

    /** A successful sign-in clears the account's counter (not the IP's). */
    public Mono<Void> recordSuccess(byte[] accountKey) {
        String account = accountKey(accountKey);
        local.invalidate(account);
        return redis.delete(account).timeout(TIMEOUT).onErrorResume(ex -> {
            fallback(ex);
            return Mono.just(0L);
        }).then();
    }

    private Mono<Void> increment(String key) {
        return redis.opsForValue().increment(key)
                .flatMap(count -> count == 1 ? redis.expire(key, properties.window()).thenReturn(count) : Mono.just(count))
                .timeout(TIMEOUT)
                .then()
                .onErrorResume(ex -> {
                    fallback(ex);
                    local.get(key, k -> new AtomicInteger()).incrementAndGet();
                    return Mono.empty();
                });
    }

    private int localCount(String key) {
        AtomicInteger count = local.getIfPresent(key);
        return count == null ? 0 : count.get();
    }

    private void fallback(Throwable ex) {
        fallbacks.increment();
        log.warn("login throttling falls back to memory: Redis unavailable ({})", ex.toString());
    }

    private static int parse(String value) {
        return value == null ? 0 : Integer.parseInt(value);
    }

    private static String accountKey(byte[] key) {
        return PREFIX + "account:" + HexFormat.of().formatHex(key);
    }

    private static String ipKey(String ip) {
        return PREFIX + "ip:" + ip;
    }
}

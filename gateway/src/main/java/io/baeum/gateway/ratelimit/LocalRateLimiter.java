package io.baeum.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.Min;

import org.springframework.cloud.gateway.filter.ratelimit.AbstractRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.validation.annotation.Validated;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/**
 * A token-bucket rate limiter in this gateway instance's memory, for the heartbeat route: a Redis
 * round trip per beat would cost more than the beat itself, and a player's beats are few per
 * second, so a limit per instance (not shared) is precise enough. Configured per route with
 * {@code local-rate-limiter.replenishRate} (tokens per second) and {@code local-rate-limiter.burstCapacity}.
 * Buckets of keys not seen for a while are forgotten.
 */
public class LocalRateLimiter extends AbstractRateLimiter<LocalRateLimiter.Config> {

    public static final String CONFIGURATION_PROPERTY_NAME = "local-rate-limiter";

    private final Ticker ticker;
    private final Cache<String, TokenBucket> buckets;

    public LocalRateLimiter(ConfigurationService configurationService) {
        this(configurationService, Ticker.systemTicker());
    }

    LocalRateLimiter(ConfigurationService configurationService, Ticker ticker) {
        super(Config.class, CONFIGURATION_PROPERTY_NAME, configurationService);
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMinutes(2))
                .maximumSize(1_000_000)
                .ticker(ticker)
                .build();
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        Config config = getConfig().get(routeId);
        if (config == null) {
            throw new IllegalArgumentException("No local-rate-limiter configuration for route " + routeId);
        }
        TokenBucket bucket = buckets.get(routeId + '\u0000' + id,
                key -> new TokenBucket(config.getBurstCapacity(), ticker.read()));
        long remaining = bucket.tryTake(config, ticker.read());
        return Mono.just(new Response(remaining >= 0, Map.of(
                "X-RateLimit-Remaining", Long.toString(Math.max(remaining, 0)),
                "X-RateLimit-Replenish-Rate", Integer.toString(config.getReplenishRate()),
                "X-RateLimit-Burst-Capacity", Integer.toString(config.getBurstCapacity()))));
    }

    /** One key's bucket; {@code synchronized} is cheap here (one player, a few beats a second). */
    static final class TokenBucket {

        private double tokens;
        private long lastRefillNanos;

        TokenBucket(int capacity, long nowNanos) {
            this.tokens = capacity;
            this.lastRefillNanos = nowNanos;
        }

        /** Takes one token: the tokens left afterwards, or -1 when there was none to take. */
        synchronized long tryTake(Config config, long nowNanos) {
            double elapsedSeconds = Math.max(0, nowNanos - lastRefillNanos) / 1_000_000_000.0;
            tokens = Math.min(config.getBurstCapacity(), tokens + elapsedSeconds * config.getReplenishRate());
            lastRefillNanos = nowNanos;
            if (tokens < 1) {
                return -1;
            }
            tokens -= 1;
            return (long) tokens;
        }
    }

    /** A route's limit: bound from its filter arguments by Spring Cloud Gateway. */
    @Validated
    public static class Config {

        @Min(1)
        private int replenishRate = 10;

        @Min(1)
        private int burstCapacity = 30;

        public int getReplenishRate() {
            return replenishRate;
        }

        public Config setReplenishRate(int replenishRate) {
            this.replenishRate = replenishRate;
            return this;
        }

        public int getBurstCapacity() {
            return burstCapacity;
        }

        public Config setBurstCapacity(int burstCapacity) {
            this.burstCapacity = burstCapacity;
            return this;
        }
    }
}

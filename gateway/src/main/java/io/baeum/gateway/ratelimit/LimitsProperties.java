package io.baeum.gateway.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The rate limits the routes apply ({@code baeum.gateway.limits.*}; application.yml passes them to
 * the routes' {@code RequestRateLimiter} filters).
 *
 * @param credentials login, sign-up, refresh and token requests per client address, counted in Redis
 *                    across every gateway instance
 * @param playback    playback requests (heartbeats) per login session, counted in each instance's memory
 */
@Validated
@ConfigurationProperties("baeum.gateway.limits")
public record LimitsProperties(@Valid @NotNull Limit credentials, @Valid @NotNull Limit playback) {

    /**
     * @param perSecond tokens added per second
     * @param burst     the most requests allowed at once
     */
    public record Limit(@Min(1) int perSecond, @Min(1) int burst) {
    }
}

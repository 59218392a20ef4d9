package io.baeum.common.security;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How this service verifies access tokens ({@code baeum.security.token.*}).
 *
 * @param jwksUri                the auth-service JWKS, e.g. {@code http://auth-service/.well-known/jwks.json}
 * @param issuer                 the exact {@code iss} every token must carry
 * @param audience               this service's name; every token's {@code aud} must contain it
 * @param clockSkew              tolerance for {@code exp}, {@code nbf} and {@code iat} (default 30s)
 * @param verifiedCacheSize      how many verified tokens to remember (default 10,000)
 * @param jwksRefreshInterval    how old the key set may grow before it is refreshed in the background (default 5m)
 * @param jwksMinRefreshInterval the least time between two JWKS fetches, whatever asks for them (default 30s)
 * @param jwksTimeout            how long one JWKS fetch may take (default 2s)
 */
@Validated
@ConfigurationProperties("baeum.security.token")
public record TokenVerificationProperties(
        @NotNull URI jwksUri,
        @NotBlank String issuer,
        @NotBlank String audience,
        @DefaultValue("30s") @NotNull Duration clockSkew,
        @DefaultValue("10000") @Positive int verifiedCacheSize,
        @DefaultValue("5m") @NotNull Duration jwksRefreshInterval,
        @DefaultValue("30s") @NotNull Duration jwksMinRefreshInterval,
        @DefaultValue("2s") @NotNull Duration jwksTimeout) {

    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    public TokenVerificationProperties {
        if (jwksUri != null) {
            String scheme = jwksUri.getScheme() == null ? "" : jwksUri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("baeum.security.token.jwks-uri must be an http(s) URL");
            }
        }
        if (clockSkew != null && (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0)) {
            throw new IllegalArgumentException("baeum.security.token.clock-skew must be between 0 and 5m");
        }
        requirePositive(jwksRefreshInterval, "jwks-refresh-interval");
        requirePositive(jwksMinRefreshInterval, "jwks-min-refresh-interval");
        requirePositive(jwksTimeout, "jwks-timeout");
    }

    /** Properties with every default, for code that wires a verifier without Spring Boot. */
    public static TokenVerificationProperties of(URI jwksUri, String issuer, String audience) {
        return new TokenVerificationProperties(jwksUri, issuer, audience, Duration.ofSeconds(30), 10_000,
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    private static void requirePositive(Duration value, String name) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException("baeum.security.token." + name + " must be positive");
        }
    }
}

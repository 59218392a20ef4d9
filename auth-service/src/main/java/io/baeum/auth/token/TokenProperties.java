package io.baeum.auth.token;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How tokens are issued ({@code baeum.auth.token.*}).
 *
 * @param issuer              the {@code iss} of every token; services verify it exactly
 * @param audiences           the {@code aud} of user access tokens: the services that accept them
 * @param selfAudience        the audience auth-service itself checks on its own endpoints
 * @param accessTokenTtl      access-token lifetime (10 minutes)
 * @param clockSkew           skew the verifiers allow; added to deny-list lifetimes and key retirement
 * @param refreshIdleTtl      a refresh token unused this long expires (idle expiry)
 * @param refreshAbsoluteTtl  a session ends this long after login, however active (absolute expiry)
 * @param keyRotationInterval how long a signing key signs before its successor takes over
 * @param keyPublishAhead     how long a new key is published in the JWKS before it signs (longer than
 *                            any verifier's JWKS refresh interval, so no verifier meets an unknown kid)
 * @param serviceTokenTtl     lifetime of client-credentials tokens
 */
@Validated
@ConfigurationProperties("baeum.auth.token")
public record TokenProperties(
        @DefaultValue("https://auth.baeum.local") @NotBlank String issuer,
        @DefaultValue({"gateway", "auth-service", "learning-service", "heartbeat-service", "exam-service",
                "billing-service", "rag-service"}) @NotEmpty List<String> audiences,
        @DefaultValue("auth-service") @NotBlank String selfAudience,
        @DefaultValue("10m") @NotNull Duration accessTokenTtl,
        @DefaultValue("30s") @NotNull Duration clockSkew,
        @DefaultValue("14d") @NotNull Duration refreshIdleTtl,
        @DefaultValue("30d") @NotNull Duration refreshAbsoluteTtl,
        @DefaultValue("30d") @NotNull Duration keyRotationInterval,
        @DefaultValue("15m") @NotNull Duration keyPublishAhead,
        @DefaultValue("5m") @NotNull Duration serviceTokenTtl) {

    public TokenProperties {
        if (audiences != null && selfAudience != null && !audiences.contains(selfAudience)) {
            throw new IllegalArgumentException("baeum.auth.token.audiences must include the self-audience " + selfAudience);
        }
        if (refreshIdleTtl != null && refreshAbsoluteTtl != null && refreshIdleTtl.compareTo(refreshAbsoluteTtl) > 0) {
            throw new IllegalArgumentException("baeum.auth.token.refresh-idle-ttl must not exceed refresh-absolute-ttl");
        }
    }

    /** How long after a key stops signing it must stay published: its last tokens' life plus skew. */
    public Duration retirementGrace() {
        return accessTokenTtl.plus(clockSkew).plus(serviceTokenTtl.compareTo(accessTokenTtl) > 0
                ? serviceTokenTtl.minus(accessTokenTtl) : Duration.ZERO);
    }
}

package io.baeum.common.security;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An access token whose signature, type, issuer, audience and lifetime have been verified.
 *
 * <p>It is the authenticated principal of a request: inject it with
 * {@code @AuthenticationPrincipal VerifiedAccessToken token}. (It deliberately does not implement
 * {@link java.security.Principal}: WebFlux would then bind the {@code Authentication} to such a
 * parameter instead.)
 *
 * @param subject            the user id ({@code sub})
 * @param roles              the roles granted, e.g. {@code TRAINEE}, {@code INSTRUCTOR}, {@code ADMIN}
 * @param sessionId          the login session ({@code sid}), the key of the session deny-list
 * @param tokenId            the token id ({@code jti})
 * @param audience           every audience the token names ({@code aud}); contains this service
 * @param issuedAt           when the token was issued ({@code iat})
 * @param expiresAt          when the token expires ({@code exp})
 * @param identityVerifiedAt when the user last passed identity verification ({@code idv_at}), if ever
 * @param claims             every claim of the token, as parsed
 */
public record VerifiedAccessToken(
        String subject,
        List<String> roles,
        String sessionId,
        String tokenId,
        List<String> audience,
        Instant issuedAt,
        Instant expiresAt,
        @Nullable Instant identityVerifiedAt,
        Map<String, Object> claims) {

    public VerifiedAccessToken {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        roles = List.copyOf(roles);
        audience = List.copyOf(audience);
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /** Whether the token grants {@code role} (without a {@code ROLE_} prefix). */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}

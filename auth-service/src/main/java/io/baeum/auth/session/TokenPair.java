package io.baeum.auth.session;

import java.time.Instant;
import java.util.UUID;

/** What a sign-in or a refresh answers. */
public record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken,
        Instant refreshTokenExpiresAt, UUID sessionId) {
}

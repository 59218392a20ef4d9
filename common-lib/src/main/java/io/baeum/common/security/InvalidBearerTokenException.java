package io.baeum.common.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.AuthenticationException;

/**
 * A presented bearer token was refused (malformed, invalid, or its session revoked). Answered with
 * 401 and {@code WWW-Authenticate: Bearer error="invalid_token"}.
 */
final class InvalidBearerTokenException extends AuthenticationException {

    InvalidBearerTokenException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}

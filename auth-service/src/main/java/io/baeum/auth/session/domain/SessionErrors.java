package io.baeum.auth.session.domain;

import org.springframework.http.HttpStatus;

import io.baeum.common.web.DomainException;

public final class SessionErrors {

    private SessionErrors() {
    }

    /** A refresh token that is unknown, spent, expired or of a revoked session (RFC 6749 invalid_grant). */
    public static DomainException invalidGrant() {
        return new DomainException(HttpStatus.BAD_REQUEST, "INVALID_GRANT", "The refresh token is invalid or expired.");
    }

    /** Redis (deny-list) cannot be reached: operations that must revoke fail closed. */
    public static DomainException sessionStoreUnavailable() {
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "SESSION_STORE_UNAVAILABLE",
                "Sessions cannot be checked or revoked right now; retry shortly.");
    }

    public static DomainException throttled(long retryAfterSeconds) {
        return new DomainException(HttpStatus.TOO_MANY_REQUESTS, "LOGIN_THROTTLED",
                "Too many failed sign-in attempts; retry later.", retryAfterSeconds);
    }
}

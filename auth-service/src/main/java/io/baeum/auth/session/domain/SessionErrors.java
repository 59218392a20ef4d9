package io.baeum.auth.session.domain;

import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

public final class SessionErrors {

    private SessionErrors() {
    }

    /** A refresh token that is unknown, spent, expired or of a revoked session (RFC 6749 invalid_grant). */
    public static DomainException invalidGrant() {
        return new DomainException(ErrorKind.INVALID, "INVALID_GRANT", "The refresh token is invalid or expired.");
    }

    /** Redis (deny-list) cannot be reached: operations that must revoke fail closed. */
    public static DomainException sessionStoreUnavailable() {
        return new DomainException(ErrorKind.UNAVAILABLE, "SESSION_STORE_UNAVAILABLE",
                "Sessions cannot be checked or revoked right now; retry shortly.");
    }

    public static DomainException throttled(long retryAfterSeconds) {
        return new DomainException(ErrorKind.RATE_LIMITED, "LOGIN_THROTTLED",
                "Too many failed sign-in attempts; retry later.", retryAfterSeconds);
    }
}

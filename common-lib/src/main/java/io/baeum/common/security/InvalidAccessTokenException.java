package io.baeum.common.security;

/**
 * Signals that a presented access token was rejected, with exactly one {@link Reason}.
 *
 * <p>The message never contains the token or its claims, so the exception is safe to log. It
 * carries no stack trace: rejecting a flood of forged tokens must stay cheap.
 */
public final class InvalidAccessTokenException extends RuntimeException {

    private final Reason reason;

    /**
     * @param reason  why the token was rejected
     * @param message a short explanation for logs (never the token itself)
     */
    public InvalidAccessTokenException(Reason reason, String message) {
        super(reason + ": " + message, null, false, false);
        this.reason = reason;
    }

    /** Why the token was rejected. */
    public Reason reason() {
        return reason;
    }

    /** The single reason a token was rejected; checks run in the order listed. */
    public enum Reason {
        /** Not a compact JWS (empty, oversized, not three base64url parts, not JSON). */
        MALFORMED,
        /** The {@code alg} header is anything but {@code RS256} ({@code none}, HS256, RS512, ES256, ...). */
        UNSUPPORTED_ALGORITHM,
        /** The header carries {@code jku}, {@code x5u}, {@code jwk}, {@code x5c} or {@code crit}. */
        FORBIDDEN_HEADER,
        /** The {@code typ} header is missing or is not {@code at+jwt} (e.g. a refresh token). */
        WRONG_TYPE,
        /** The {@code kid} header is missing or names no key of the configured JWKS (after at most one refresh). */
        UNKNOWN_KEY,
        /** The signature does not verify under the key named by {@code kid}. */
        BAD_SIGNATURE,
        /** {@code iss} is not exactly the configured issuer. */
        WRONG_ISSUER,
        /** {@code aud} is missing or does not contain the configured audience. */
        WRONG_AUDIENCE,
        /** {@code exp} lies in the past by more than the clock skew. */
        EXPIRED,
        /** {@code nbf} or {@code iat} lies in the future by more than the clock skew. */
        NOT_YET_VALID,
        /** A required claim ({@code exp}, {@code iat}, {@code sub}, {@code sid}, {@code jti}, {@code roles}) is missing. */
        MISSING_CLAIM,
        /** A claim has the wrong type or an unusable value (e.g. {@code roles} not a list of strings). */
        INVALID_CLAIM
    }
}

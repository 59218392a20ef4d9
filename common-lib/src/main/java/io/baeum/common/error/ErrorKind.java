package io.baeum.common.error;

/**
 * What kind of refusal a {@link DomainException} is. Domain code says only this; each service's single
 * error handler (common-lib's {@code ApiErrorWebExceptionHandler}) decides the HTTP status from it, so no
 * {@code domain} package needs a web type.
 */
public enum ErrorKind {
    /** The input itself is invalid (400). */
    INVALID,
    /** The caller is not who they must be: bad credentials, an expired challenge (401). */
    UNAUTHENTICATED,
    /** The caller may not do this (403). */
    FORBIDDEN,
    /** No such thing, or not visible to the caller (404). */
    NOT_FOUND,
    /** The current state does not allow it (409). */
    CONFLICT,
    /** Well-formed but refused by a business rule (422). */
    RULE,
    /** Too many attempts in a window (429). */
    RATE_LIMITED,
    /** A provider answered, but not in a way we can use (an identity provider's error): 502. */
    UPSTREAM_FAILED,
    /** A dependency or provider is unavailable; a retry later will do (503). */
    UNAVAILABLE
}

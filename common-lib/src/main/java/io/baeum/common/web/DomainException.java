package io.baeum.common.web;

import org.springframework.http.HttpStatus;

import io.baeum.common.error.ErrorKind;

/**
 * A refusal with an explicit HTTP status, for web adapters only (an edge answer such as a security
 * refusal). Domain code throws {@link io.baeum.common.error.DomainException} with an {@link ErrorKind}
 * instead; this subclass remains while callers migrate.
 *
 * @deprecated throw {@link io.baeum.common.error.DomainException}; the handler derives the status from its kind
 */
@Deprecated(forRemoval = true)
public class DomainException extends io.baeum.common.error.DomainException {

    private final HttpStatus status;

    public DomainException(HttpStatus status, String code, String fallbackMessage, Object... arguments) {
        super(kindOf(status), code, fallbackMessage, arguments);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    private static ErrorKind kindOf(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> ErrorKind.UNAUTHENTICATED;
            case FORBIDDEN -> ErrorKind.FORBIDDEN;
            case NOT_FOUND -> ErrorKind.NOT_FOUND;
            case CONFLICT -> ErrorKind.CONFLICT;
            case UNPROCESSABLE_CONTENT -> ErrorKind.RULE;
            case TOO_MANY_REQUESTS -> ErrorKind.RATE_LIMITED;
            default -> status.is5xxServerError() ? ErrorKind.UNAVAILABLE : ErrorKind.INVALID;
        };
    }
}

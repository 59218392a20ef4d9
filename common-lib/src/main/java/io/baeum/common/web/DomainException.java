package io.baeum.common.web;

import org.springframework.http.HttpStatus;

/**
 * A refusal by a business rule, answered with a stable {@link #code()} and a 4xx status.
 *
 * <p>The message shown to the client is looked up by the code in the service's message bundles
 * ({@code baeum.error.<CODE>.title} / {@code .detail}, with {@link #arguments()} as placeholders), in
 * English or Korean by {@code Accept-Language}; {@link #getMessage()} is the fallback and the log text.
 */
public class DomainException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Object[] arguments;

    public DomainException(HttpStatus status, String code, String fallbackMessage, Object... arguments) {
        super(fallbackMessage);
        this.status = status;
        this.code = code;
        this.arguments = arguments.clone();
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}

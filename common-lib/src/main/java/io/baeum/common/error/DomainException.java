package io.baeum.common.error;

import java.util.Objects;

/**
 * A refusal by a business rule: a stable {@link #code()} (e.g. {@code COHORT_FULL}) and a {@link #kind()}.
 * Plain Java, so aggregates and rule code throw it without knowing about HTTP.
 *
 * <p>The message shown to the client is looked up by the code in the service's message bundles
 * ({@code baeum.error.<CODE>.title} / {@code .detail}, with {@link #arguments()} as placeholders), in
 * English or Korean by {@code Accept-Language}; {@link #getMessage()} is the fallback and the log text.
 */
public class DomainException extends RuntimeException {

    private final ErrorKind kind;
    private final String code;
    private final Object[] arguments;

    public DomainException(ErrorKind kind, String code, String fallbackMessage, Object... arguments) {
        super(fallbackMessage);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.arguments = arguments.clone();
    }

    public static DomainException invalid(String code, String message, Object... arguments) {
        return new DomainException(ErrorKind.INVALID, code, message, arguments);
    }

    public static DomainException notFound(String code, String message, Object... arguments) {
        return new DomainException(ErrorKind.NOT_FOUND, code, message, arguments);
    }

    public static DomainException conflict(String code, String message, Object... arguments) {
        return new DomainException(ErrorKind.CONFLICT, code, message, arguments);
    }

    public static DomainException forbidden(String code, String message, Object... arguments) {
        return new DomainException(ErrorKind.FORBIDDEN, code, message, arguments);
    }

    public static DomainException rule(String code, String message, Object... arguments) {
        return new DomainException(ErrorKind.RULE, code, message, arguments);
    }

    public static DomainException unavailable(String code, String message, Object... arguments) {
        return new DomainException(ErrorKind.UNAVAILABLE, code, message, arguments);
    }

    public ErrorKind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}

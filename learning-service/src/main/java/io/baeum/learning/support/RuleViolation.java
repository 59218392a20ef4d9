package io.baeum.learning.support;

import java.util.Objects;

/**
 * A business rule refused a request. Plain Java so domain objects can throw it; the web edge turns
 * it into the {@code ApiResponse} error envelope with {@link #code()} and a status from {@link #kind()}.
 */
public class RuleViolation extends RuntimeException {

    /** What kind of refusal, which decides the HTTP status at the edge. */
    public enum Kind {
        /** 400: the input itself is invalid. */
        INVALID,
        /** 403: the caller may not do this. */
        FORBIDDEN,
        /** 404: no such thing (or not visible to the caller). */
        NOT_FOUND,
        /** 409: the current state does not allow it. */
        CONFLICT,
        /** 422: well-formed but unacceptable (e.g. a video that cannot be embedded). */
        UNPROCESSABLE,
        /** 503: a provider is unavailable. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final Object[] arguments;

    public RuleViolation(Kind kind, String code, String message, Object... arguments) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        this.arguments = arguments.clone();
    }

    public static RuleViolation invalid(String code, String message, Object... arguments) {
        return new RuleViolation(Kind.INVALID, code, message, arguments);
    }

    public static RuleViolation conflict(String code, String message, Object... arguments) {
        return new RuleViolation(Kind.CONFLICT, code, message, arguments);
    }

    public static RuleViolation notFound(String code, String message, Object... arguments) {
        return new RuleViolation(Kind.NOT_FOUND, code, message, arguments);
    }

    public static RuleViolation forbidden(String code, String message, Object... arguments) {
        return new RuleViolation(Kind.FORBIDDEN, code, message, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}

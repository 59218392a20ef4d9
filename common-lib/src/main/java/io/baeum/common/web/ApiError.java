package io.baeum.common.web;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The {@code error} member of {@link ApiResponse}: the RFC 9457 problem-details fields plus a stable
 * machine-readable {@code code} and per-field errors.
 *
 * @param type        a URI identifying the problem type ({@code about:blank} when the code says it all)
 * @param title       a short, human-readable summary of the problem type, localized
 * @param status      the HTTP status code
 * @param detail      a human-readable explanation of this occurrence, localized
 * @param instance    the request path the problem occurred on
 * @param code        a stable machine-readable code, e.g. {@code VALIDATION_FAILED}
 * @param fieldErrors the invalid fields, empty when the problem is not about fields
 */
public record ApiError(
        URI type,
        String title,
        int status,
        @Nullable String detail,
        @Nullable String instance,
        String code,
        List<FieldError> fieldErrors) {

    public ApiError {
        fieldErrors = fieldErrors == null ? List.of() : List.copyOf(fieldErrors);
    }

    /**
     * One invalid field.
     *
     * @param field   the field path as the client sent it, e.g. {@code lessons[0].title}
     * @param code    a stable code for the violated rule, e.g. {@code NotBlank}
     * @param message a localized explanation
     */
    public record FieldError(String field, String code, String message) {
    }
}

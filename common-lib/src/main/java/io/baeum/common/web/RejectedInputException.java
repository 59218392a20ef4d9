package io.baeum.common.web;

import java.util.List;

/**
 * Request input refused before any handler ran (query parameters, path), answered as 400
 * {@code VALIDATION_FAILED} with one field error per offending parameter, or {@code INVALID_REQUEST}
 * when no parameter can be named.
 */
public final class RejectedInputException extends RuntimeException {

    private final List<Field> fields;

    public RejectedInputException(String message, List<Field> fields) {
        super(message, null, false, false);
        this.fields = List.copyOf(fields);
    }

    public List<Field> fields() {
        return fields;
    }

    /** A refused parameter and the rule it broke (a message key, e.g. {@code NoControlCharacters}). */
    public record Field(String name, String code) {
    }
}

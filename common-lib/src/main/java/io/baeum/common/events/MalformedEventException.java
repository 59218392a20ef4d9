package io.baeum.common.events;

import org.jspecify.annotations.Nullable;

/** A message body that is not a valid domain event; consumers send it to the DLQ, never apply it. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}

package io.baeum.auth.account.persistence;

import org.jspecify.annotations.Nullable;

import org.springframework.r2dbc.core.Parameter;

/** A possibly-null bind value with its type (R2DBC needs the type to bind NULL). */
final class Param {

    private Param() {
    }

    static <T> Parameter of(@Nullable T value, Class<T> type) {
        return Parameter.fromOrEmpty(value, type);
    }
}

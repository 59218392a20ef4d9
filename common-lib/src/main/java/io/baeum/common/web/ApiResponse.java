package io.baeum.common.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The one response envelope of every Baeum API: {@code {success, data, error, metadata}}.
 *
 * <p>Exactly one of {@code data} and {@code error} is meaningful: a successful response carries
 * {@code data} (possibly {@code null} for "no content"), a failed one carries {@code error}.
 * {@code metadata} holds cross-cutting facts such as the request id and, for lists, the page.
 *
 * @param <T> the type of the payload
 */
public record ApiResponse<T>(boolean success, @Nullable T data, @Nullable ApiError error, Map<String, Object> metadata) {

    public ApiResponse {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** A successful response without metadata. */
    public static <T> ApiResponse<T> ok(@Nullable T data) {
        return new ApiResponse<>(true, data, null, Map.of());
    }

    /** A successful response with metadata (e.g. a page). */
    public static <T> ApiResponse<T> ok(@Nullable T data, Map<String, Object> metadata) {
        return new ApiResponse<>(true, data, null, metadata);
    }

    /** A failed response. */
    public static ApiResponse<Void> failure(ApiError error, Map<String, Object> metadata) {
        return new ApiResponse<>(false, null, error, metadata);
    }
}

package io.baeum.learning.course.domain;

import reactor.core.publisher.Mono;

/**
 * The video provider (Vimeo in production, a sandbox locally). Errors are
 * {@link io.baeum.common.error.DomainException}s: {@code VIDEO_NOT_FOUND}, {@code VIDEO_PROVIDER_UNAVAILABLE}.
 */
public interface VideoCatalog {

    Mono<VideoMetadata> describe(String videoId);
}

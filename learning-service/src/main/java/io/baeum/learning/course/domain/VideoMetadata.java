package io.baeum.learning.course.domain;

import org.jspecify.annotations.Nullable;

/**
 * What the video provider says about a video.
 *
 * @param videoId         the provider's id
 * @param durationSeconds its length
 * @param thumbnailUrl    a picture of it, if any
 * @param embeddable      whether it may be embedded in Baeum's player
 */
public record VideoMetadata(String videoId, int durationSeconds, @Nullable String thumbnailUrl, boolean embeddable) {
}

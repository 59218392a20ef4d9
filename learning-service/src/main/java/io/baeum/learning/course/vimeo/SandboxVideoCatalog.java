package io.baeum.learning.course.vimeo;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.learning.course.domain.VideoCatalog;
import io.baeum.learning.course.domain.VideoMetadata;

/**
 * Local runs without a Vimeo account: any numeric id is an embeddable video whose length is
 * derived from the id (ids ending in 0 are 10 minutes; otherwise 5 to 30 minutes); {@code 404...}
 * ids do not exist and {@code 403...} ids are private.
 */
public final class SandboxVideoCatalog implements VideoCatalog {

    @Override
    public Mono<VideoMetadata> describe(String videoId) {
        if (!videoId.matches("[0-9]{1,20}")) {
            return Mono.error(DomainException.invalid("INVALID_VIDEO_ID", "a Vimeo video id is numeric", videoId));
        }
        if (videoId.startsWith("404")) {
            return Mono.error(DomainException.notFound("VIDEO_NOT_FOUND", "no video " + videoId, videoId));
        }
        int duration = videoId.endsWith("0") ? 600 : 300 + (int) (Long.parseLong(videoId) % 1500);
        return Mono.just(new VideoMetadata(videoId, duration,
                "https://i.vimeocdn.com/video/" + videoId + "-sandbox_640x360", !videoId.startsWith("403")));
    }
}

package io.baeum.learning.course.vimeo;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.learning.course.domain.VideoCatalog;
import io.baeum.learning.course.domain.VideoMetadata;

/**
 * Local runs without a Vimeo account: any numeric id is an embeddable video whose length is
 * derived from the id (ids ending in 0 are 10 minutes; otherwise 5 to 30 minutes); {@code 404...}
 * ids do not exist and {@code 403...} ids are private. Every sandbox video plays the gateway's sample
 * clip: its thumbnail is {@code /media/sample.jpg}, and the web player plays {@code /media/sample.mp4}
 * with its HTML5 backend for a thumbnail under {@code /media/} (docs/web.md).
 */
public final class SandboxVideoCatalog implements VideoCatalog {

    /** The sample clip's poster, served by the gateway from the web client's files. */
    static final String SAMPLE_THUMBNAIL = "/media/sample.jpg";

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
                SAMPLE_THUMBNAIL, !videoId.startsWith("403")));
    }
}

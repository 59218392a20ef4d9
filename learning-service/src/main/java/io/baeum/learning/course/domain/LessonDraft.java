package io.baeum.learning.course.domain;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;

/**
 * A lesson (차시) as the catalog stores it; the video facts come from the provider, never the client.
 *
 * @param title             the title
 * @param videoId           the Vimeo id, or {@code null} while the lesson has no video (drafts only)
 * @param durationSeconds   the video's length (from the provider)
 * @param recognisedSeconds recognised study time (인정 시간); defaults to the duration
 * @param thumbnailUrl      from the provider
 * @param materials         downloadable materials
 */
public record LessonDraft(String title, @Nullable String videoId, @Nullable Integer durationSeconds,
                          @Nullable Integer recognisedSeconds, @Nullable String thumbnailUrl, List<Material> materials) {

    public LessonDraft {
        materials = List.copyOf(materials);
    }

    /** The lesson with the provider's facts about its video, refusing a video the player cannot embed. */
    public static LessonDraft withVideo(String title, VideoMetadata video, @Nullable Integer recognisedSeconds,
                                        List<Material> materials) {
        if (!video.embeddable()) {
            throw DomainException.rule("VIDEO_NOT_EMBEDDABLE",
                    "video " + video.videoId() + " may not be embedded", video.videoId());
        }
        if (video.durationSeconds() <= 0) {
            throw DomainException.rule("VIDEO_NOT_READY",
                    "video " + video.videoId() + " has no duration yet", video.videoId());
        }
        int recognised = recognisedSeconds == null ? video.durationSeconds() : recognisedSeconds;
        if (recognised <= 0) {
            throw DomainException.invalid("INVALID_RECOGNISED_TIME", "recognised time must be positive");
        }
        return new LessonDraft(title, video.videoId(), video.durationSeconds(), recognised, video.thumbnailUrl(), materials);
    }

    /** A lesson without a video yet; allowed only while the course is a draft. */
    public static LessonDraft withoutVideo(String title, List<Material> materials, CourseStatus courseStatus) {
        if (courseStatus != CourseStatus.DRAFT) {
            throw DomainException.conflict("LESSON_WITHOUT_VIDEO", "a lesson of a published course needs a video");
        }
        return new LessonDraft(title, null, null, null, null, materials);
    }

    public boolean hasVideo() {
        return videoId != null;
    }
}

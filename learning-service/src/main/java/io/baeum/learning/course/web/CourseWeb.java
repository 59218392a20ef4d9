package io.baeum.learning.course.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import io.baeum.learning.course.CourseService;
import io.baeum.learning.course.domain.CourseLevel;
import io.baeum.learning.course.domain.Material;
import io.baeum.learning.course.domain.TrainingType;
import io.baeum.learning.course.persistence.CourseStore.CourseRow;
import io.baeum.learning.course.persistence.CourseStore.LessonRow;
import io.baeum.learning.course.persistence.CourseStore.SubjectRow;

/** The request and response records of the catalog API. */
final class CourseWeb {

    private CourseWeb() {
    }

    record CourseRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 10_000) @Nullable String description,
            @NotBlank @Size(max = 50) String category,
            @NotNull TrainingType trainingType,
            @NotNull CourseLevel level,
            @NotNull @PositiveOrZero @Max(100_000_000) Long price,
            @Size(max = 2000) @Pattern(regexp = "https://\\S+") @Nullable String coverUrl) {

        CourseService.CourseDetails details() {
            return new CourseService.CourseDetails(title.strip(), description == null ? "" : description, category.strip(),
                    trainingType, level, price, coverUrl);
        }
    }

    record SubjectRequest(@NotBlank @Size(max = 200) String title, @NotNull @PositiveOrZero @Max(10_000) Integer position) {
    }

    record MaterialRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 2000) @Pattern(regexp = "https://\\S+") String url) {
    }

    record LessonRequest(
            @NotBlank @Size(max = 200) String title,
            @PositiveOrZero @Max(10_000) @Nullable Integer position,
            @Size(max = 20) @Pattern(regexp = "[0-9]+") @Nullable String vimeoVideoId,
            @Positive @Max(86_400) @Nullable Integer recognisedSeconds,
            @Size(max = 50) @Nullable List<@Valid MaterialRequest> materials) {

        CourseService.LessonInput input() {
            List<Material> list = materials == null ? List.of()
                    : materials.stream().map(m -> new Material(m.name(), URI.create(m.url()))).toList();
            return new CourseService.LessonInput(title.strip(), vimeoVideoId, recognisedSeconds, list);
        }
    }

    record CourseView(UUID id, String title, String description, String category, TrainingType trainingType,
                      CourseLevel level, long price, @Nullable String coverUrl, String status) {
        static CourseView of(CourseRow c) {
            return new CourseView(c.id(), c.title(), c.description(), c.category(), c.trainingType(), c.level(), c.price(),
                    c.coverUrl(), c.status().name());
        }
    }

    record LessonView(UUID id, UUID subjectId, int position, String title, @Nullable String vimeoVideoId,
                      @Nullable Integer durationSeconds, @Nullable Integer recognisedSeconds,
                      @Nullable String thumbnailUrl, List<Material> materials) {
        static LessonView of(LessonRow l, boolean withVideoId) {
            return new LessonView(l.id(), l.subjectId(), l.position(), l.title(), withVideoId ? l.videoId() : null,
                    l.durationSeconds(), l.recognisedSeconds(), l.thumbnailUrl(), l.materials());
        }
    }

    record SubjectView(UUID id, int position, String title, List<LessonView> lessons) {
    }

    record OutlineView(CourseView course, List<SubjectView> subjects) {
        static OutlineView of(CourseService.Outline outline, boolean withVideoIds) {
            List<SubjectView> subjects = outline.subjects().stream()
                    .map((SubjectRow s) -> new SubjectView(s.id(), s.position(), s.title(), outline.lessons().stream()
                            .filter(l -> l.subjectId().equals(s.id()))
                            .map(l -> LessonView.of(l, withVideoIds)).toList()))
                    .toList();
            return new OutlineView(CourseView.of(outline.course()), subjects);
        }
    }
}

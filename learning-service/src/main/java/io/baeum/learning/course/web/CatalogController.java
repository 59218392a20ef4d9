package io.baeum.learning.course.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.common.web.ApiResponse;
import io.baeum.learning.course.CourseService;
import io.baeum.learning.course.domain.CourseLevel;
import io.baeum.learning.course.domain.CourseStatus;
import io.baeum.learning.course.domain.TrainingType;
import io.baeum.learning.course.persistence.CourseStore;
import io.baeum.learning.course.web.CourseWeb.CourseView;
import io.baeum.learning.course.web.CourseWeb.OutlineView;
import io.baeum.learning.support.PageRequest;

/** The public catalog: published courses only; video ids are not shown (a playback grant carries them). */
@RestController
@RequestMapping("/api/v1/catalog")
class CatalogController {

    private final CourseService courses;
    private final CourseStore store;

    CatalogController(CourseService courses, CourseStore store) {
        this.courses = courses;
        this.store = store;
    }

    @GetMapping("/courses")
    Mono<ApiResponse<List<CourseView>>> search(
            @RequestParam(required = false) @Size(max = 100) @Nullable String q,
            @RequestParam(required = false) @Size(max = 50) @Nullable String category,
            @RequestParam(required = false) @Nullable CourseLevel level,
            @RequestParam(required = false) @Nullable TrainingType trainingType,
            @RequestParam(required = false) @PositiveOrZero @Nullable Long minPrice,
            @RequestParam(required = false) @PositiveOrZero @Max(100_000_000) @Nullable Long maxPrice,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw DomainException.invalid("INVALID_PRICE_RANGE", "minPrice is above maxPrice");
        }
        PageRequest pageRequest = PageRequest.of(page, size, sort, CourseStore.SORTS, "title");
        var filter = new CourseStore.CatalogFilter(q, category, level, trainingType, minPrice, maxPrice, CourseStatus.PUBLISHED);
        return store.search(filter, pageRequest)
                .map(p -> ApiResponse.ok(p.items().stream().map(CourseView::of).toList(), pageRequest.metadata(p.total())));
    }

    @GetMapping("/courses/{id}")
    Mono<ApiResponse<OutlineView>> outline(@PathVariable UUID id) {
        return courses.outline(id)
                .filter(o -> o.course().status() == CourseStatus.PUBLISHED)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("COURSE_NOT_FOUND", "no course " + id)))
                .map(o -> ApiResponse.ok(OutlineView.of(o, false)));
    }
}

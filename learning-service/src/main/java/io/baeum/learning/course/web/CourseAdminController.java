package io.baeum.learning.course.web;

import java.util.UUID;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.web.ApiResponse;
import io.baeum.learning.course.CourseService;
import io.baeum.learning.course.domain.CourseLevel;
import io.baeum.learning.course.domain.CourseStatus;
import io.baeum.learning.course.domain.TrainingType;
import io.baeum.learning.course.persistence.CourseStore;
import io.baeum.learning.course.web.CourseWeb.CourseRequest;
import io.baeum.learning.course.web.CourseWeb.CourseView;
import io.baeum.learning.course.web.CourseWeb.LessonRequest;
import io.baeum.learning.course.web.CourseWeb.LessonView;
import io.baeum.learning.course.web.CourseWeb.OutlineView;
import io.baeum.learning.course.web.CourseWeb.SubjectRequest;
import io.baeum.learning.support.PageRequest;

/** Catalog administration (ADMIN): courses, subjects, lessons, publication. */
@RestController
@RequestMapping("/api/v1/admin")
class CourseAdminController {

    private final CourseService courses;
    private final CourseStore store;

    CourseAdminController(CourseService courses, CourseStore store) {
        this.courses = courses;
        this.store = store;
    }

    @PostMapping("/courses")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<CourseView>> create(@Valid @RequestBody CourseRequest request) {
        return courses.create(request.details()).map(c -> ApiResponse.ok(CourseView.of(c)));
    }

    @GetMapping("/courses")
    Mono<ApiResponse<java.util.List<CourseView>>> list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable CourseStatus status,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable CourseLevel level,
            @RequestParam(required = false) @Nullable TrainingType trainingType,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        PageRequest pageRequest = PageRequest.of(page, size, sort, CourseStore.SORTS, "createdAt");
        return store.search(new CourseStore.CatalogFilter(q, category, level, trainingType, null, null, status), pageRequest)
                .map(p -> ApiResponse.ok(p.items().stream().map(CourseView::of).toList(), pageRequest.metadata(p.total())));
    }

    @GetMapping("/courses/{id}")
    Mono<ApiResponse<OutlineView>> outline(@PathVariable UUID id) {
        return courses.outline(id).map(o -> ApiResponse.ok(OutlineView.of(o, true)));
    }

    @PutMapping("/courses/{id}")
    Mono<ApiResponse<CourseView>> update(@PathVariable UUID id, @Valid @RequestBody CourseRequest request) {
        return courses.update(id, request.details()).map(c -> ApiResponse.ok(CourseView.of(c)));
    }

    @PostMapping("/courses/{id}/publish")
    Mono<ApiResponse<CourseView>> publish(@PathVariable UUID id) {
        return courses.publish(id).map(c -> ApiResponse.ok(CourseView.of(c)));
    }

    @PostMapping("/courses/{id}/archive")
    Mono<ApiResponse<CourseView>> archive(@PathVariable UUID id) {
        return courses.archive(id).map(c -> ApiResponse.ok(CourseView.of(c)));
    }

    @PostMapping("/courses/{id}/subjects")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<CourseWeb.SubjectView>> addSubject(@PathVariable UUID id, @Valid @RequestBody SubjectRequest request) {
        return courses.addSubject(id, request.position(), request.title().strip())
                .map(s -> ApiResponse.ok(new CourseWeb.SubjectView(s.id(), s.position(), s.title(), java.util.List.of())));
    }

    @DeleteMapping("/subjects/{id}")
    Mono<ApiResponse<Void>> removeSubject(@PathVariable UUID id) {
        return courses.removeSubject(id).then(Mono.just(ApiResponse.ok(null)));
    }

    @PostMapping("/subjects/{id}/lessons")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<LessonView>> addLesson(@PathVariable UUID id, @Valid @RequestBody LessonRequest request) {
        return courses.addLesson(id, request.position() == null ? 0 : request.position(), request.input())
                .map(l -> ApiResponse.ok(LessonView.of(l, true)));
    }

    @PutMapping("/lessons/{id}")
    Mono<ApiResponse<LessonView>> updateLesson(@PathVariable UUID id, @Valid @RequestBody LessonRequest request) {
        return courses.updateLesson(id, request.input()).map(l -> ApiResponse.ok(LessonView.of(l, true)));
    }

    @DeleteMapping("/lessons/{id}")
    Mono<ApiResponse<Void>> removeLesson(@PathVariable UUID id) {
        return courses.removeLesson(id).then(Mono.just(ApiResponse.ok(null)));
    }
}

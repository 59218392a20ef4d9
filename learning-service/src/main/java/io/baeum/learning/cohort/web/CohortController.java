package io.baeum.learning.cohort.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.learning.cohort.CohortService;
import io.baeum.learning.cohort.domain.Cohort;
import io.baeum.learning.cohort.persistence.CohortStore;
import io.baeum.learning.support.PageRequest;

/** Cohorts: admin management, the instructor's own list, the public list of a course's cohorts. */
@RestController
class CohortController {

    private final CohortService cohorts;
    private final CohortStore store;

    CohortController(CohortService cohorts, CohortStore store) {
        this.cohorts = cohorts;
        this.store = store;
    }

    record CohortRequest(@NotBlank @Size(max = 50) String name, @NotNull LocalDate studyFrom, @NotNull LocalDate studyTo,
                         @NotNull LocalDate enrollmentFrom, @NotNull LocalDate enrollmentTo,
                         @NotNull @Positive @Max(100_000) Integer capacity,
                         @Size(max = 20) @Nullable Set<@NotBlank @Size(max = 128) String> instructorIds) {
    }

    record InstructorsRequest(@NotNull @Size(max = 20) Set<@NotBlank @Size(max = 128) String> instructorIds) {
    }

    record CohortView(UUID id, UUID courseId, String name, LocalDate studyFrom, LocalDate studyTo,
                      LocalDate enrollmentFrom, LocalDate enrollmentTo, int capacity, List<String> instructorIds) {
        static CohortView of(Cohort c) {
            return new CohortView(c.id(), c.courseId(), c.name(), c.studyFrom(), c.studyTo(), c.enrollmentFrom(),
                    c.enrollmentTo(), c.capacity(), c.instructorIds().stream().sorted().toList());
        }
    }

    @PostMapping("/api/v1/admin/courses/{courseId}/cohorts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<CohortView>> create(@PathVariable UUID courseId, @Valid @RequestBody CohortRequest request) {
        var input = new CohortService.CohortInput(request.name().strip(), request.studyFrom(), request.studyTo(),
                request.enrollmentFrom(), request.enrollmentTo(), request.capacity(),
                request.instructorIds() == null ? Set.of() : request.instructorIds());
        return cohorts.create(courseId, input).map(c -> ApiResponse.ok(CohortView.of(c)));
    }

    @PutMapping("/api/v1/admin/cohorts/{id}/instructors")
    Mono<ApiResponse<CohortView>> instructors(@PathVariable UUID id, @Valid @RequestBody InstructorsRequest request) {
        return cohorts.assignInstructors(id, request.instructorIds()).map(c -> ApiResponse.ok(CohortView.of(c)));
    }

    @GetMapping("/api/v1/admin/cohorts")
    Mono<ApiResponse<List<CohortView>>> all(@RequestParam(required = false) @Nullable UUID courseId,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return list(courseId, null, page, size, sort);
    }

    @GetMapping("/api/v1/admin/cohorts/{id}")
    Mono<ApiResponse<CohortView>> one(@PathVariable UUID id) {
        return cohorts.find(id).map(c -> ApiResponse.ok(CohortView.of(c)));
    }

    @GetMapping("/api/v1/instructor/cohorts")
    Mono<ApiResponse<List<CohortView>>> mine(@AuthenticationPrincipal VerifiedAccessToken caller,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return list(null, caller.subject(), page, size, sort);
    }

    @GetMapping("/api/v1/catalog/courses/{courseId}/cohorts")
    Mono<ApiResponse<List<CohortView>>> ofCourse(@PathVariable UUID courseId,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
        return list(courseId, null, page, size, null)
                .map(r -> new ApiResponse<>(true, r.data() == null ? null : r.data().stream()
                        .map(c -> new CohortView(c.id(), c.courseId(), c.name(), c.studyFrom(), c.studyTo(), c.enrollmentFrom(),
                                c.enrollmentTo(), c.capacity(), List.of())).toList(), null, r.metadata()));
    }

    private Mono<ApiResponse<List<CohortView>>> list(@Nullable UUID courseId, @Nullable String instructorId,
            @Nullable Integer page, @Nullable Integer size, @Nullable String sort) {
        PageRequest request = PageRequest.of(page, size, sort, CohortStore.SORTS, "studyFrom");
        return store.list(courseId, instructorId, request)
                .map(p -> ApiResponse.ok(p.items().stream().map(CohortView::of).toList(), request.metadata(p.total())));
    }
}

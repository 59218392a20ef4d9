package io.baeum.learning.progress.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.learning.progress.persistence.ProgressReads.LessonProgressView;
import io.baeum.learning.progress.persistence.ProgressReads.MyCourse;
import io.baeum.learning.progress.persistence.ProgressReads.ProgressRow;
import io.baeum.learning.progress.persistence.ProgressReads;
import io.baeum.learning.support.PageRequest;

/** Progress reads: the trainee's own, an instructor's cohorts, any cohort for admins. */
@RestController
class ProgressController {

    private final ProgressReads reads;

    ProgressController(ProgressReads reads) {
        this.reads = reads;
    }

    @GetMapping("/api/v1/me/enrollments")
    Mono<ApiResponse<List<MyCourse>>> myCourses(@AuthenticationPrincipal VerifiedAccessToken caller) {
        return reads.myCourses(caller.subject()).collectList()
                .map(list -> ApiResponse.ok(list, java.util.Map.of("page", 0, "size", list.size(), "total", list.size())));
    }

    @GetMapping("/api/v1/enrollments/{id}/progress")
    Mono<ApiResponse<List<LessonProgressView>>> lessons(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return reads.lessons(id, caller.subject()).collectList()
                .flatMap(list -> list.isEmpty()
                        ? Mono.error(DomainException.notFound("ENROLLMENT_NOT_FOUND", "no enrollment " + id))
                        : Mono.just(ApiResponse.ok(list)));
    }

    @GetMapping("/api/v1/instructor/cohorts/{cohortId}/progress")
    Mono<ApiResponse<List<ProgressRow>>> instructorTable(@PathVariable UUID cohortId,
            @AuthenticationPrincipal VerifiedAccessToken caller,
            @RequestParam(required = false) @Size(max = 128) @Nullable String q,
            @RequestParam(required = false) @Pattern(regexp = "PENDING|ACTIVE|REJECTED|CANCELLED") @Nullable String status,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("100") @Nullable BigDecimal minProgress,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("100") @Nullable BigDecimal maxProgress,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return reads.teaches(cohortId, caller.subject())
                .flatMap(teaches -> teaches ? table(cohortId, q, status, minProgress, maxProgress, page, size, sort)
                        : Mono.error(DomainException.notFound("COHORT_NOT_FOUND", "no cohort " + cohortId)));
    }

    @GetMapping("/api/v1/admin/cohorts/{cohortId}/progress")
    Mono<ApiResponse<List<ProgressRow>>> adminTable(@PathVariable UUID cohortId,
            @RequestParam(required = false) @Size(max = 128) @Nullable String q,
            @RequestParam(required = false) @Pattern(regexp = "PENDING|ACTIVE|REJECTED|CANCELLED") @Nullable String status,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("100") @Nullable BigDecimal minProgress,
            @RequestParam(required = false) @DecimalMin("0") @DecimalMax("100") @Nullable BigDecimal maxProgress,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        return reads.cohortExists(cohortId)
                .flatMap(exists -> exists ? table(cohortId, q, status, minProgress, maxProgress, page, size, sort)
                        : Mono.error(DomainException.notFound("COHORT_NOT_FOUND", "no cohort " + cohortId)));
    }

    private Mono<ApiResponse<List<ProgressRow>>> table(UUID cohortId, @Nullable String q, @Nullable String status,
            @Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable Integer page, @Nullable Integer size, @Nullable String sort) {
        PageRequest request = PageRequest.of(page, size, sort, ProgressReads.TABLE_SORTS, "accountId");
        return reads.table(cohortId, new ProgressReads.TableFilter(q, status, min, max), request)
                .map(p -> ApiResponse.ok(p.items(), request.metadata(p.total())));
    }
}

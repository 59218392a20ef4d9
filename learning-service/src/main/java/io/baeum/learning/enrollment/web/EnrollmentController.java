package io.baeum.learning.enrollment.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.learning.enrollment.EnrollmentService;
import io.baeum.learning.enrollment.accounts.AccountDirectory;
import io.baeum.learning.enrollment.domain.Enrollment;
import io.baeum.learning.enrollment.domain.EnrollmentStatus;
import io.baeum.learning.enrollment.persistence.EnrollmentStore;
import io.baeum.learning.support.PageRequest;

/** Applications, decisions, assignments and cancellations. */
@RestController
class EnrollmentController {

    /** A UUID, as auth-service mints account ids. */
    static final String ACCOUNT_ID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final EnrollmentService enrollments;
    private final EnrollmentStore store;
    private final AccountDirectory accounts;

    EnrollmentController(EnrollmentService enrollments, EnrollmentStore store, AccountDirectory accounts) {
        this.enrollments = enrollments;
        this.store = store;
        this.accounts = accounts;
    }

    record EnrollmentView(UUID id, UUID cohortId, UUID courseId, String accountId, EnrollmentStatus status, String source,
                          Instant appliedAt, @Nullable Instant decidedAt, @Nullable String decisionReason) {
        static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(e.id(), e.cohortId(), e.courseId(), e.accountId(), e.status(), e.source(), e.appliedAt(),
                    e.decidedAt(), e.decisionReason());
        }
    }

    /** An auth-service account id: a UUID (the access token's subject). */
    record AssignRequest(@NotBlank @Pattern(regexp = ACCOUNT_ID) String accountId) {
    }

    record DecisionRequest(@Size(max = 500) @Nullable String reason) {
    }

    @PostMapping("/api/v1/cohorts/{cohortId}/enrollments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<EnrollmentView>> apply(@PathVariable UUID cohortId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return enrollments.apply(cohortId, caller.subject()).map(e -> ApiResponse.ok(EnrollmentView.of(e)));
    }

    @PostMapping("/api/v1/enrollments/{id}/cancel")
    Mono<ApiResponse<EnrollmentView>> cancelOwn(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return enrollments.cancel(id, caller.subject(), false, "CANCELLED_BY_TRAINEE").map(e -> ApiResponse.ok(EnrollmentView.of(e)));
    }

    @GetMapping("/api/v1/admin/cohorts/{cohortId}/enrollments")
    Mono<ApiResponse<List<EnrollmentView>>> ofCohort(@PathVariable UUID cohortId,
            @RequestParam(required = false) @Nullable EnrollmentStatus status,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        PageRequest request = PageRequest.of(page, size, sort, EnrollmentStore.SORTS, "appliedAt");
        return store.ofCohort(cohortId, status, request).map(p -> ApiResponse.ok(
                p.items().stream().map(l -> EnrollmentView.of(l.enrollment())).toList(), request.metadata(p.total())));
    }

    @PostMapping("/api/v1/admin/cohorts/{cohortId}/enrollments")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<EnrollmentView>> assign(@PathVariable UUID cohortId, @Valid @RequestBody AssignRequest request,
            @AuthenticationPrincipal VerifiedAccessToken caller, ServerWebExchange exchange) {
        String bearer = String.valueOf(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION))
                .replaceFirst("(?i)^Bearer ", "");
        return accounts.requireExisting(request.accountId(), bearer)
                .then(enrollments.assign(cohortId, request.accountId(), caller.subject()))
                .map(e -> ApiResponse.ok(EnrollmentView.of(e)));
    }

    @PostMapping("/api/v1/admin/enrollments/{id}/approve")
    Mono<ApiResponse<EnrollmentView>> approve(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return enrollments.approve(id, caller.subject()).map(e -> ApiResponse.ok(EnrollmentView.of(e)));
    }

    @PostMapping("/api/v1/admin/enrollments/{id}/reject")
    Mono<ApiResponse<EnrollmentView>> reject(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable DecisionRequest request,
            @AuthenticationPrincipal VerifiedAccessToken caller) {
        return enrollments.reject(id, caller.subject(), request == null ? null : request.reason())
                .map(e -> ApiResponse.ok(EnrollmentView.of(e)));
    }

    @PostMapping("/api/v1/admin/enrollments/{id}/cancel")
    Mono<ApiResponse<EnrollmentView>> cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable DecisionRequest request,
            @AuthenticationPrincipal VerifiedAccessToken caller) {
        return enrollments.cancel(id, caller.subject(), true, request == null ? null : request.reason())
                .map(e -> ApiResponse.ok(EnrollmentView.of(e)));
    }
}

package io.baeum.learning.dashboard.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.learning.dashboard.DashboardService;
import io.baeum.learning.dashboard.domain.AdminDashboard;
import io.baeum.learning.dashboard.domain.CohortDashboard;
import io.baeum.learning.dashboard.domain.TraineeCard;
import io.baeum.learning.dashboard.persistence.DashboardReads;
import io.baeum.learning.support.PageRequest;

/** The three dashboards: the trainee's classroom, the instructor's cohort, the operator's figures. */
@RestController
class DashboardController {

    private final DashboardService dashboards;

    DashboardController(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/v1/me/dashboard")
    Mono<ApiResponse<List<TraineeCard>>> classroom(@AuthenticationPrincipal VerifiedAccessToken caller) {
        return dashboards.classroom(caller.subject())
                .map(cards -> ApiResponse.ok(cards, Map.of("page", 0, "size", cards.size(), "total", cards.size())));
    }

    /** Instructors see the cohorts they teach; admins (allowed on instructor paths) see every cohort. */
    @GetMapping("/api/v1/instructor/cohorts/{cohortId}/dashboard")
    Mono<ApiResponse<CohortDashboard>> cohort(@PathVariable UUID cohortId, @AuthenticationPrincipal VerifiedAccessToken caller,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort) {
        PageRequest request = PageRequest.of(page, size, sort, DashboardReads.LEARNER_SORTS, "accountId");
        return dashboards.cohort(cohortId, caller.subject(), caller.hasRole("ADMIN"), request)
                .map(d -> ApiResponse.ok(d, request.metadata(d.enrolled())));
    }

    @GetMapping("/api/v1/admin/dashboard")
    Mono<ApiResponse<AdminDashboard>> admin() {
        return dashboards.admin().map(ApiResponse::ok);
    }
}

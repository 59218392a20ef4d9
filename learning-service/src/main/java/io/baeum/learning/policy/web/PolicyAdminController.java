package io.baeum.learning.policy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.web.ApiResponse;
import io.baeum.learning.course.domain.TrainingType;
import io.baeum.learning.policy.PolicyService;
import io.baeum.learning.policy.domain.HrdPolicy;

/** HRD policy versions (ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/policies")
class PolicyAdminController {

    private final PolicyService policies;

    PolicyAdminController(PolicyService policies) {
        this.policies = policies;
    }

    record PolicyView(String versionId, String trainingType, int version, LocalDate effectiveFrom, String creditMode,
                      double maxPlaybackRate, String seekRule, @Nullable Integer idCheckMinSeconds,
                      @Nullable Integer idCheckMaxSeconds, @Nullable Integer stepUpEveryLessons,
                      @Nullable Integer stepUpMaxAgeSeconds, int dailyLessonCap, @Nullable Integer unlockPercent,
                      int lessonCompletionPercent, int courseCompletionPercent, int passingScore, int heartbeatSeconds) {
        static PolicyView of(HrdPolicy p) {
            return new PolicyView(p.versionId(), p.trainingType(), p.version(), p.effectiveFrom(), p.creditMode(),
                    p.maxPlaybackRate(), p.seekRule(), p.idCheckMinSeconds(), p.idCheckMaxSeconds(), p.stepUpEveryLessons(),
                    p.stepUpMaxAgeSeconds(), p.dailyLessonCap(), p.unlockPercent(), p.lessonCompletionPercent(),
                    p.courseCompletionPercent(), p.passingScore(), p.heartbeatSeconds());
        }
    }

    record PolicyRequest(
            @NotNull TrainingType trainingType,
            @NotNull LocalDate effectiveFrom,
            @NotNull @Pattern(regexp = "COVERAGE|TIME") String creditMode,
            @NotNull @DecimalMin("1.0") @DecimalMax("4.0") Double maxPlaybackRate,
            @NotNull @Pattern(regexp = "FREE|WATCHED_ONLY") String seekRule,
            @Min(60) @Max(86_400) @Nullable Integer idCheckMinSeconds,
            @Min(60) @Max(86_400) @Nullable Integer idCheckMaxSeconds,
            @Min(1) @Max(100) @Nullable Integer stepUpEveryLessons,
            @Min(60) @Max(31_536_000) @Nullable Integer stepUpMaxAgeSeconds,
            @NotNull @Min(1) @Max(100) Integer dailyLessonCap,
            @Min(1) @Max(100) @Nullable Integer unlockPercent,
            @NotNull @Min(1) @Max(100) Integer lessonCompletionPercent,
            @NotNull @Min(1) @Max(100) Integer courseCompletionPercent,
            @NotNull @Min(0) @Max(100) Integer passingScore,
            @NotNull @Min(1) @Max(300) Integer heartbeatSeconds) {

        HrdPolicy draft() {
            return new HrdPolicy(UUID.randomUUID(), trainingType.name(), 1, effectiveFrom, creditMode, maxPlaybackRate,
                    seekRule, idCheckMinSeconds, idCheckMaxSeconds, stepUpEveryLessons, stepUpMaxAgeSeconds, dailyLessonCap,
                    unlockPercent, lessonCompletionPercent, courseCompletionPercent, passingScore, heartbeatSeconds);
        }
    }

    @GetMapping
    Mono<ApiResponse<List<PolicyView>>> versions(@RequestParam TrainingType trainingType) {
        return policies.book(trainingType.name()).map(book -> ApiResponse.ok(book.versions().stream().map(PolicyView::of).toList(),
                java.util.Map.of("page", 0, "size", book.versions().size(), "total", book.versions().size())));
    }

    @GetMapping("/in-force")
    Mono<ApiResponse<PolicyView>> inForce(@RequestParam TrainingType trainingType, @RequestParam LocalDate date) {
        return policies.inForce(trainingType.name(), date).map(p -> ApiResponse.ok(PolicyView.of(p)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<PolicyView>> add(@Valid @RequestBody PolicyRequest request) {
        return Mono.fromSupplier(request::draft).flatMap(policies::addVersion).map(p -> ApiResponse.ok(PolicyView.of(p)));
    }
}

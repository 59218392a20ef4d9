package io.baeum.exam.evaluation.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.exam.bank.domain.Difficulty;
import io.baeum.exam.config.ExamProperties;
import io.baeum.exam.evaluation.Evaluations;
import io.baeum.exam.evaluation.domain.Evaluation;
import io.baeum.exam.evaluation.domain.EvaluationKind;
import io.baeum.exam.evaluation.domain.EvaluationRules;
import io.baeum.exam.evaluation.domain.EvaluationStatus;
import io.baeum.exam.evaluation.domain.Selection;
import io.baeum.exam.paging.Paging;

/**
 * Evaluations for administrators. Rules not given take the configured HRD defaults (final exam: 60
 * minutes, one attempt, opens at 80 % progress, step-up identity check, re-exam window; stage: opens at
 * 50 % of the previous lesson).
 */
@RestController
@Validated
class EvaluationAdminController {

    private final Evaluations evaluations;
    private final ExamProperties.Policy policy;

    EvaluationAdminController(Evaluations evaluations, ExamProperties properties) {
        this.evaluations = evaluations;
        this.policy = properties.policy();
    }

    record DrawRequest(@Nullable Difficulty difficulty, @Nullable @Size(max = 40) String tag, @Min(1) @Max(200) int count) {
    }

    record RulesRequest(@Nullable @Min(0) @Max(100) Integer courseProgress, @Nullable @Size(max = 64) String lessonId,
                        @Nullable @Min(0) @Max(100) Integer lessonProgress, @Nullable @Min(0) @Max(86_400) Long stepUpMaxAgeSeconds,
                        @Nullable Boolean stepUp, @Nullable Boolean reexam, @Nullable @Min(0) @Max(60) Integer reexamFromDays,
                        @Nullable @Min(0) @Max(60) Integer reexamToDays, @Nullable @Min(0) @Max(2_592_000) Long lateSeconds,
                        @Nullable @Min(0) @Max(100) Integer latePenaltyPercent) {
    }

    record EvaluationRequest(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[^\\p{Cntrl}]*") String courseId,
            @Nullable @Size(max = 64) @Pattern(regexp = "[^\\p{Cntrl}]*") String cohortId,
            @NotNull EvaluationKind kind,
            @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*") String title,
            @NotNull Instant opensAt,
            @NotNull Instant closesAt,
            @Nullable @Min(60) @Max(86_400) Integer timeLimitSeconds,
            @Nullable @Min(0) @Max(100) Integer passScore,
            @Nullable @Min(1) @Max(10) Integer maxAttempts,
            @Nullable @Size(max = 200) List<@NotNull UUID> fixedItems,
            @Nullable @Size(max = 10) List<@Valid @NotNull DrawRequest> draws,
            @Nullable @Min(1) @Max(1000) Integer assignmentPoints,
            @Nullable @Valid RulesRequest rules) {
    }

    record EvaluationView(UUID id, String courseId, @Nullable String cohortId, EvaluationKind kind, String title, EvaluationStatus status,
                          Instant opensAt, Instant closesAt, @Nullable Long timeLimitSeconds, int passScore, int maxAttempts,
                          Selection selection, EvaluationRules rules, @Nullable Integer assignmentPoints) {
        static EvaluationView of(Evaluation e) {
            return new EvaluationView(e.id(), e.courseId(), e.cohortId(), e.kind(), e.title(), e.status(), e.opensAt(), e.closesAt(),
                    e.timeLimit() == null ? null : e.timeLimit().toSeconds(), e.passScore(), e.maxAttempts(), e.selection(), e.rules(),
                    e.assignmentPoints());
        }
    }

    @PostMapping("/api/v1/admin/exams")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<EvaluationView>> create(@Valid @RequestBody EvaluationRequest request, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return Mono.fromCallable(() -> draft(request))
                .flatMap(e -> evaluations.create(e, caller.subject()))
                .map(e -> ApiResponse.ok(EvaluationView.of(e)));
    }

    @GetMapping("/api/v1/admin/exams/{id}")
    Mono<ApiResponse<EvaluationView>> get(@PathVariable UUID id) {
        return evaluations.find(id).map(e -> ApiResponse.ok(EvaluationView.of(e)));
    }

    @GetMapping("/api/v1/admin/exams")
    Mono<ApiResponse<List<EvaluationView>>> ofCourse(@RequestParam @Size(max = 64) String courseId,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        return Mono.zip(evaluations.ofCourse(courseId, paging).map(EvaluationView::of).collectList(), evaluations.countOfCourse(courseId))
                .map(t -> ApiResponse.ok(t.getT1(), paging.metadata(t.getT2())));
    }

    /** Publishes: refused with {@code POOL_TOO_SMALL} (422) when a draw's pool holds fewer than 3× its count. */
    @PostMapping("/api/v1/admin/exams/{id}/publish")
    Mono<ApiResponse<EvaluationView>> publish(@PathVariable UUID id) {
        return evaluations.publish(id).map(e -> ApiResponse.ok(EvaluationView.of(e)));
    }

    @PostMapping("/api/v1/admin/exams/{id}/close")
    Mono<ApiResponse<EvaluationView>> close(@PathVariable UUID id) {
        return evaluations.close(id).map(e -> ApiResponse.ok(EvaluationView.of(e)));
    }

    private Evaluation draft(EvaluationRequest r) {
        RulesRequest given = r.rules() == null ? new RulesRequest(null, null, null, null, null, null, null, null, null, null) : r.rules();
        boolean isFinal = r.kind() == EvaluationKind.FINAL;
        boolean stepUp = given.stepUp() != null ? given.stepUp() : r.kind() != EvaluationKind.STAGE;
        EvaluationRules rules = new EvaluationRules(
                or(given.courseProgress(), isFinal ? policy.finalExamProgress() : 0),
                given.lessonId(),
                or(given.lessonProgress(), r.kind() == EvaluationKind.STAGE ? policy.stageLessonProgress() : 0),
                stepUp ? (given.stepUpMaxAgeSeconds() != null ? given.stepUpMaxAgeSeconds() : policy.stepUpMaxAge().toSeconds()) : null,
                given.reexam() != null ? given.reexam() : isFinal,
                or(given.reexamFromDays(), policy.reexamFromDays()),
                or(given.reexamToDays(), policy.reexamToDays()),
                given.lateSeconds() == null ? 0 : given.lateSeconds(),
                or(given.latePenaltyPercent(), 0));
        Duration limit = r.timeLimitSeconds() != null ? Duration.ofSeconds(r.timeLimitSeconds())
                : isFinal ? policy.finalTimeLimit() : null;
        Selection selection = new Selection(r.fixedItems() == null ? List.of() : r.fixedItems().stream().distinct().toList(),
                r.draws() == null ? List.of() : r.draws().stream().map(d -> new Selection.Draw(d.difficulty(),
                        d.tag() == null || d.tag().isBlank() ? null : d.tag().strip(), d.count())).toList());
        int maxAttempts = r.maxAttempts() != null ? r.maxAttempts() : 1;
        return new Evaluation(UUID.randomUUID(), r.courseId().strip(), r.cohortId() == null || r.cohortId().isBlank() ? null : r.cohortId().strip(),
                r.kind(), r.title().strip(), EvaluationStatus.DRAFT, r.opensAt(), r.closesAt(),
                r.kind() == EvaluationKind.ASSIGNMENT ? null : limit, or(r.passScore(), policy.passScore()), maxAttempts, selection, rules,
                r.kind() == EvaluationKind.ASSIGNMENT ? (r.assignmentPoints() == null ? 100 : r.assignmentPoints()) : null);
    }

    private static int or(@Nullable Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}

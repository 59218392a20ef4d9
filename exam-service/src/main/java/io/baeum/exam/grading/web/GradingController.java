package io.baeum.exam.grading.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.exam.attempt.Attempts;
import io.baeum.exam.attempt.domain.Attempt;
import io.baeum.exam.evidence.Origin;
import io.baeum.exam.grading.Grading;
import io.baeum.exam.grading.persistence.GradeStore;
import io.baeum.exam.paging.Paging;

/** The manual grading queue, grades and regrades, for instructors and administrators. */
@RestController
@Validated
class GradingController {

    private final Grading grading;
    private final Attempts attempts;

    GradingController(Grading grading, Attempts attempts) {
        this.grading = grading;
        this.attempts = attempts;
    }

    record RubricLine(@NotBlank @Size(max = 200) String criterion, @NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal points) {
    }

    record GradeRequest(@NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal points, @Nullable @Size(max = 4000) String feedback,
                        @Nullable @Size(max = 20) List<@Valid @NotNull RubricLine> rubric) {
    }

    record RegradeRequest(@NotNull @DecimalMin("0") @DecimalMax("1000") BigDecimal points, @Nullable @Size(max = 4000) String feedback,
                          @NotBlank @Size(max = 1000) String reason) {
    }

    record GradedView(UUID attemptId, String status, @Nullable BigDecimal score, @Nullable Boolean passed, int resultRevision) {
        static GradedView of(Attempt a) {
            return new GradedView(a.id(), a.status().name(), a.score(), a.passed(), a.resultRevision());
        }
    }

    /** An attempt as a grader sees it: answers, keys, grades, regrades. */
    record GraderAttemptView(UUID id, UUID evaluationId, String traineeId, int attemptNo, String status, java.time.@Nullable Instant submittedAt,
                             boolean autoSubmitted, @Nullable Boolean onTime, @Nullable BigDecimal score, @Nullable Boolean passed,
                             @Nullable String scoreReason, List<Map<String, Object>> items, @Nullable Map<String, Object> text,
                             List<GradeStore.Grade> grades, List<Map<String, Object>> regrades, List<Map<String, Object>> files) {
    }

    /** All pending parts, or by evaluation, by item across learners, by learner; oldest submission first. */
    @GetMapping("/api/v1/exams/manage/grading")
    Mono<ApiResponse<List<GradeStore.Pending>>> queue(@RequestParam(required = false) @Nullable UUID evaluationId,
            @RequestParam(required = false) @Nullable UUID itemId,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Za-z0-9._@:-]{1,128}") String traineeId,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        GradeStore.QueueFilter filter = new GradeStore.QueueFilter(evaluationId, itemId, traineeId);
        return Mono.zip(grading.queue(filter, paging).collectList(), grading.queueSize(filter))
                .map(t -> ApiResponse.ok(t.getT1(), paging.metadata(t.getT2())));
    }

    @PutMapping("/api/v1/exams/manage/attempts/{attemptId}/grades/{partId}")
    Mono<ApiResponse<GradedView>> grade(@PathVariable UUID attemptId, @PathVariable UUID partId, @Valid @RequestBody GradeRequest request,
            @AuthenticationPrincipal VerifiedAccessToken caller, ServerWebExchange exchange) {
        List<GradeStore.RubricLine> rubric = request.rubric() == null ? List.of()
                : request.rubric().stream().map(l -> new GradeStore.RubricLine(l.criterion(), l.points())).toList();
        return grading.grade(attemptId, partId, request.points(), request.feedback(), rubric, caller.subject(), Origin.of(exchange.getRequest()))
                .map(a -> ApiResponse.ok(GradedView.of(a)));
    }

    @PostMapping("/api/v1/exams/manage/attempts/{attemptId}/grades/{partId}/regrades")
    Mono<ApiResponse<GradedView>> regrade(@PathVariable UUID attemptId, @PathVariable UUID partId, @Valid @RequestBody RegradeRequest request,
            @AuthenticationPrincipal VerifiedAccessToken caller, ServerWebExchange exchange) {
        return grading.regrade(attemptId, partId, request.points(), request.feedback(), request.reason(), caller.subject(),
                        Origin.of(exchange.getRequest()))
                .map(a -> ApiResponse.ok(GradedView.of(a)));
    }

    @GetMapping("/api/v1/exams/manage/attempts/{attemptId}")
    Mono<ApiResponse<GraderAttemptView>> attempt(@PathVariable UUID attemptId) {
        return attempts.sheet(attemptId, null).zipWith(grading.changesOf(attemptId).collectList()).map(t -> {
            Attempts.Sheet s = t.getT1();
            Attempt a = s.attempt();
            List<Map<String, Object>> items = s.items().stream().map(item -> {
                var saved = s.answers().get(item.id());
                Map<String, Object> view = new java.util.LinkedHashMap<>();
                view.put("itemId", item.id());
                view.put("type", item.content().type());
                view.put("stem", item.content().stem());
                view.put("choices", item.content().choices());
                view.put("points", item.content().points());
                view.put("correctChoices", item.content().key().choices());
                view.put("acceptedAnswers", item.content().key().accepted());
                view.put("explanation", item.content().explanation());
                view.put("answer", saved == null ? null : saved.response());
                return view;
            }).toList();
            var text = s.answers().get(a.id());
            return ApiResponse.ok(new GraderAttemptView(a.id(), a.evaluationId(), a.traineeId(), a.attemptNo(), a.status().name(), a.submittedAt(),
                    a.autoSubmitted(), a.onTime(), a.score(), a.passed(), a.scoreReason(), items,
                    text == null ? null : Map.of("text", text.response().text() == null ? "" : text.response().text()), s.grades(), t.getT2(),
                    s.files().stream().map(f -> Map.<String, Object>of("id", f.id(), "fileName", f.fileName(), "size", f.size(), "sha256", f.sha256()))
                            .toList()));
        });
    }
}

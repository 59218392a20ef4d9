package io.baeum.exam.similarity.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.exam.evidence.Origin;
import io.baeum.exam.paging.Paging;
import io.baeum.exam.similarity.CopiedAnswers;
import io.baeum.exam.similarity.persistence.FlagStore;

/** Copied-answer flags (모사답안) for instructors: run the check, review the evidence side by side, decide. */
@RestController
@Validated
class SimilarityController {

    private final CopiedAnswers copied;

    SimilarityController(CopiedAnswers copied) {
        this.copied = copied;
    }

    record Decision(@NotNull Boolean confirmed, @NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/v1/exams/manage/evaluations/{evaluationId}/similarity-checks")
    Mono<ApiResponse<Map<String, Integer>>> check(@PathVariable UUID evaluationId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return copied.check(evaluationId, caller.subject()).map(n -> ApiResponse.ok(Map.of("newFlags", n)));
    }

    @GetMapping("/api/v1/exams/manage/evaluations/{evaluationId}/similarity-flags")
    Mono<ApiResponse<List<FlagStore.Flag>>> flags(@PathVariable UUID evaluationId,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "OPEN|CONFIRMED|DISMISSED") String status,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        return Mono.zip(copied.flags(evaluationId, status, paging).collectList(), copied.countFlags(evaluationId))
                .map(t -> ApiResponse.ok(t.getT1(), paging.metadata(t.getT2())));
    }

    @PostMapping("/api/v1/exams/manage/similarity-flags/{flagId}/decision")
    Mono<ApiResponse<FlagStore.Flag>> decide(@PathVariable UUID flagId, @Valid @RequestBody Decision decision,
            @AuthenticationPrincipal VerifiedAccessToken caller, ServerWebExchange exchange) {
        return copied.decide(flagId, decision.confirmed(), decision.reason(), caller.subject(), Origin.of(exchange.getRequest()))
                .map(ApiResponse::ok);
    }
}

package io.baeum.exam.evidence.web;

import java.util.List;

import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.web.ApiResponse;
import io.baeum.exam.evidence.EvidenceLog;
import io.baeum.exam.paging.Paging;

/** A trainee's exam evidence for instructors, administrators and auditors (oldest first). */
@RestController
@Validated
class EvidenceController {

    private final EvidenceLog evidence;

    EvidenceController(EvidenceLog evidence) {
        this.evidence = evidence;
    }

    @GetMapping("/api/v1/exams/manage/trainees/{traineeId}/evidence")
    Mono<ApiResponse<List<EvidenceLog.Entry>>> ofTrainee(@PathVariable @Pattern(regexp = "[A-Za-z0-9._@:-]{1,128}") String traineeId,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        return Mono.zip(evidence.ofTrainee(traineeId, paging).collectList(), evidence.countOfTrainee(traineeId))
                .map(t -> ApiResponse.ok(t.getT1(), paging.metadata(t.getT2())));
    }
}

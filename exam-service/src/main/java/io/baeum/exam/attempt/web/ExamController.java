package io.baeum.exam.attempt.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.exam.assignment.Assignments;
import io.baeum.exam.attempt.Attempts;
import io.baeum.exam.attempt.domain.Attempt;
import io.baeum.exam.attempt.domain.AttemptStatus;
import io.baeum.exam.attempt.domain.Response;
import io.baeum.exam.evaluation.Evaluations;
import io.baeum.exam.evaluation.domain.EvaluationKind;
import io.baeum.exam.evaluation.domain.EvaluationStatus;
import io.baeum.exam.evidence.Origin;
import io.baeum.exam.paging.Paging;

/**
 * The trainee's side: evaluations of their courses, starting or resuming an attempt, autosaving
 * answers, submitting, handing in files. Every attempt endpoint answers 404 for another trainee's
 * attempt (E1) and shows no answer key before grading (E4). Times come from the server's clock.
 */
@RestController
class ExamController {

    private final Attempts attempts;
    private final Evaluations evaluations;
    private final Assignments assignments;
    private final java.time.Clock clock;

    ExamController(Attempts attempts, Evaluations evaluations, Assignments assignments, java.time.Clock clock) {
        this.attempts = attempts;
        this.evaluations = evaluations;
        this.assignments = assignments;
        this.clock = clock;
    }

    record EvaluationSummary(UUID id, String courseId, @Nullable String cohortId, EvaluationKind kind, String title, EvaluationStatus status,
                             Instant opensAt, Instant closesAt, @Nullable Long timeLimitSeconds, int passScore, int maxAttempts) {
    }

    record AttemptSummary(UUID id, UUID evaluationId, int attemptNo, AttemptStatus status, Instant startedAt, Instant deadline,
                          @Nullable Instant submittedAt, java.math.@Nullable BigDecimal score, @Nullable Boolean passed) {
        static AttemptSummary of(Attempt a) {
            boolean graded = a.status() == AttemptStatus.GRADED;
            return new AttemptSummary(a.id(), a.evaluationId(), a.attemptNo(), a.status(), a.startedAt(), a.deadline(), a.submittedAt(),
                    graded ? a.score() : null, graded ? a.passed() : null);
        }
    }

    /** An autosave: the client's sequence number (last write wins) and the answer: choice numbers or text. */
    record AnswerRequest(@NotNull @Min(0) @Max(Long.MAX_VALUE) Long seq, @Nullable @Size(max = 5) List<@NotNull @Min(1) @Max(5) Integer> choices,
                         @Nullable @Size(max = Response.MAX_TEXT) String text) {
    }

    record SaveResult(boolean applied, long seq, Instant serverTime) {
    }

    @GetMapping("/api/v1/exams/evaluations")
    Mono<ApiResponse<List<EvaluationSummary>>> mine(@AuthenticationPrincipal VerifiedAccessToken caller) {
        return attempts.activeCourses(caller.subject())
                .flatMap(courses -> evaluations.visibleIn(courses)
                        .map(e -> new EvaluationSummary(e.id(), e.courseId(), e.cohortId(), e.kind(), e.title(), e.status(), e.opensAt(),
                                e.closesAt(), e.timeLimit() == null ? null : e.timeLimit().toSeconds(), e.passScore(), e.maxAttempts()))
                        .collectList())
                .map(ApiResponse::ok);
    }

    /** 201 with a new attempt, or 200 with the open one (a second tab, a reload, a concurrent click). */
    @PostMapping("/api/v1/exams/evaluations/{evaluationId}/attempts")
    Mono<ResponseEntity<ApiResponse<TraineeAttemptView>>> start(@PathVariable UUID evaluationId, @AuthenticationPrincipal VerifiedAccessToken caller,
            ServerWebExchange exchange) {
        return attempts.start(evaluationId, caller, Origin.of(exchange.getRequest()))
                .flatMap(started -> attempts.sheet(started.attempt().id(), caller.subject())
                        .map(sheet -> ResponseEntity.status(started.resumed() ? HttpStatus.OK : HttpStatus.CREATED)
                                .body(ApiResponse.ok(TraineeAttemptView.of(sheet)))));
    }

    @GetMapping("/api/v1/exams/attempts")
    Mono<ApiResponse<List<AttemptSummary>>> attempts(@AuthenticationPrincipal VerifiedAccessToken caller,
            @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
        Paging paging = Paging.of(page, size);
        return Mono.zip(attempts.mine(caller.subject(), paging), attempts.countMine(caller.subject()))
                .map(t -> ApiResponse.ok(t.getT1().stream().map(AttemptSummary::of).toList(), paging.metadata(t.getT2())));
    }

    @GetMapping("/api/v1/exams/attempts/{id}")
    Mono<ApiResponse<TraineeAttemptView>> attempt(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return attempts.sheet(id, caller.subject()).map(sheet -> ApiResponse.ok(TraineeAttemptView.of(sheet)));
    }

    /** Autosaves one answer; for an assignment's text the part is the attempt itself. */
    @PutMapping("/api/v1/exams/attempts/{id}/answers/{partId}")
    Mono<ApiResponse<SaveResult>> save(@PathVariable UUID id, @PathVariable UUID partId, @Valid @RequestBody AnswerRequest request,
            @AuthenticationPrincipal VerifiedAccessToken caller, ServerWebExchange exchange) {
        Response response = new Response(request.choices() == null ? List.of() : request.choices(), request.text());
        return attempts.save(id, partId, request.seq(), response, caller.subject(), Origin.of(exchange.getRequest()))
                .map(applied -> ApiResponse.ok(new SaveResult(applied, request.seq(), clock.instant())));
    }

    @PostMapping("/api/v1/exams/attempts/{id}/submit")
    Mono<ApiResponse<TraineeAttemptView>> submit(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken caller,
            ServerWebExchange exchange) {
        return attempts.submit(id, caller, Origin.of(exchange.getRequest()))
                .flatMap(a -> attempts.sheet(a.id(), caller.subject()))
                .map(sheet -> ApiResponse.ok(TraineeAttemptView.of(sheet)));
    }

    @PostMapping(value = "/api/v1/exams/attempts/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<TraineeAttemptView.FileView>> upload(@PathVariable UUID id, @RequestPart("file") Part part,
            @AuthenticationPrincipal VerifiedAccessToken caller, ServerWebExchange exchange) {
        if (!(part instanceof FilePart file)) {
            return Mono.error(DomainException.invalid("FILE_REQUIRED", "send the file as the multipart file part 'file'"));
        }
        return assignments.upload(id, file, caller.subject(), Origin.of(exchange.getRequest()))
                .map(f -> ApiResponse.ok(new TraineeAttemptView.FileView(f.id(), f.fileName(), f.size(), f.sha256(), f.uploadedAt())));
    }
}

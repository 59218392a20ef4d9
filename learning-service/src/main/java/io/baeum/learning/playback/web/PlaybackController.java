package io.baeum.learning.playback.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.learning.config.PlaybackKeysConfig.PlaybackSigningKey;
import io.baeum.learning.playback.PlaybackService;
import io.baeum.learning.playback.domain.CueQuiz;

/** Playback grants, the JWKS heartbeat-service verifies them with, and cue quizzes. */
@RestController
class PlaybackController {

    private final PlaybackService playback;
    private final PlaybackSigningKey key;

    PlaybackController(PlaybackService playback, PlaybackSigningKey key) {
        this.playback = playback;
        this.key = key;
    }

    record GrantView(String grant, Instant expiresAt, String videoId, int durationSeconds, int resumeSecond,
                     String policyVersion) {
    }

    record AnswerRequest(@NotNull @PositiveOrZero @Max(20) Integer option) {
    }

    record QuizRequest(@NotNull @PositiveOrZero @Max(86_400) Integer atSecond, @NotBlank @Size(max = 1000) String question,
                       @NotNull @Size(min = 2, max = 6) List<@NotBlank @Size(max = 300) String> options,
                       @NotNull @Min(0) @Max(5) Integer correctOption, @Size(max = 2000) @Nullable String explanation) {
        PlaybackService.QuizInput input() {
            return new PlaybackService.QuizInput(atSecond, question.strip(), options, correctOption,
                    explanation == null ? "" : explanation);
        }
    }

    @PostMapping("/api/v1/enrollments/{enrollmentId}/lessons/{lessonId}/playback")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<GrantView>> grant(@PathVariable UUID enrollmentId, @PathVariable UUID lessonId,
                                       @AuthenticationPrincipal VerifiedAccessToken caller) {
        return playback.grant(enrollmentId, lessonId, caller).map(issued -> ApiResponse.ok(new GrantView(issued.token(),
                issued.grant().expiresAt(), issued.videoId(), issued.grant().video().durationSeconds(),
                issued.grant().positions().resumeSecond(), issued.grant().policy().version())));
    }

    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> jwks() {
        return key.publicJwks().toJSONObject(true);
    }

    @GetMapping("/api/v1/enrollments/{enrollmentId}/lessons/{lessonId}/cue-quizzes")
    Mono<ApiResponse<List<PlaybackService.QuizQuestion>>> questions(@PathVariable UUID enrollmentId, @PathVariable UUID lessonId,
                                                                   @AuthenticationPrincipal VerifiedAccessToken caller) {
        return playback.questions(enrollmentId, lessonId, caller).map(ApiResponse::ok);
    }

    @PostMapping("/api/v1/enrollments/{enrollmentId}/lessons/{lessonId}/cue-quizzes/{quizId}/attempts")
    Mono<ApiResponse<PlaybackService.QuizOutcome>> answer(@PathVariable UUID enrollmentId, @PathVariable UUID lessonId,
            @PathVariable UUID quizId, @Valid @RequestBody AnswerRequest request, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return playback.answer(enrollmentId, lessonId, quizId, request.option(), caller).map(ApiResponse::ok);
    }

    @GetMapping("/api/v1/manage/lessons/{lessonId}/cue-quizzes")
    Mono<ApiResponse<List<CueQuiz>>> quizzes(@PathVariable UUID lessonId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return playback.quizzes(lessonId, caller).map(ApiResponse::ok);
    }

    @PostMapping("/api/v1/manage/lessons/{lessonId}/cue-quizzes")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<CueQuiz>> create(@PathVariable UUID lessonId, @Valid @RequestBody QuizRequest request,
                                      @AuthenticationPrincipal VerifiedAccessToken caller) {
        return playback.createQuiz(lessonId, request.input(), caller).map(ApiResponse::ok);
    }

    @PutMapping("/api/v1/manage/cue-quizzes/{quizId}")
    Mono<ApiResponse<CueQuiz>> update(@PathVariable UUID quizId, @Valid @RequestBody QuizRequest request,
                                      @AuthenticationPrincipal VerifiedAccessToken caller) {
        return playback.updateQuiz(quizId, request.input(), caller).map(ApiResponse::ok);
    }

    @DeleteMapping("/api/v1/manage/cue-quizzes/{quizId}")
    Mono<ApiResponse<Void>> delete(@PathVariable UUID quizId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return playback.deleteQuiz(quizId, caller).then(Mono.just(ApiResponse.ok(null)));
    }
}

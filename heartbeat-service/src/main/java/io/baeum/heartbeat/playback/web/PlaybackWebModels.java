package io.baeum.heartbeat.playback.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/** Request and response records of the playback API. */
final class PlaybackWebModels {

    private PlaybackWebModels() {
    }

    record StartRequest(@NotBlank @Size(max = 16_384) String grant,
                        @NotBlank @Size(max = 512) String deviceFingerprint) {
    }

    record BeatRequest(
            @NotNull @PositiveOrZero Long sequence,
            @NotNull @PositiveOrZero @Max(86_400) Double position,
            @NotNull @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false) @jakarta.validation.constraints.DecimalMax("16") Double rate,
            @NotNull @Pattern(regexp = "(?i)playing|paused|ended|buffering") String state,
            @NotNull @Pattern(regexp = "(?i)visible|hidden") String visibility,
            @NotNull @Pattern(regexp = "(?i)tick|play|pause|seek|ratechange|visibilitychange|ended") String event,
            @NotNull @PositiveOrZero Long clientTime) {
    }

    record CuePassRequest(@NotBlank @Size(max = 8_192) String pass) {
    }

    record IdentityAnswerRequest(@Nullable @Size(max = 32) String code) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DirectiveView(String type, @Nullable String challengeId, @Nullable String challengeKind,
                         @Nullable String code, @Nullable String cueId, @Nullable Integer position,
                         @Nullable Double maxRate, @Nullable String reason) {
    }

    record Totals(int coveredSeconds, long studyMillis, int progressPercent, boolean completed, int furthestSecond) {
    }

    record Credited(int seconds, long millis) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BeatResponse(String sessionId, long sequence, Credited credited, @Nullable String refusal, Totals totals,
                        List<DirectiveView> directives) {
    }

    record SessionResponse(String sessionId, String lessonId, int resumeSecond, int furthestSecond,
                           int heartbeatIntervalSeconds, double maxPlaybackRate, String creditMode, Totals totals,
                           List<DirectiveView> directives) {
    }
}

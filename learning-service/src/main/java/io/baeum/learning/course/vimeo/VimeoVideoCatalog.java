package io.baeum.learning.course.vimeo;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;

import io.baeum.common.error.DomainException;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.course.domain.VideoCatalog;
import io.baeum.learning.course.domain.VideoMetadata;

/**
 * Vimeo's API: {@code GET /videos/{id}} with a bearer token ({@code Accept:
 * application/vnd.vimeo.*+json;version=3.4}). Reads {@code duration} (seconds), the largest
 * {@code pictures.sizes[].link} and {@code privacy.embed} ({@code public} and {@code whitelist}
 * can be embedded; {@code private} cannot). Timeouts, connection errors, 429 and 5xx are retried with
 * backoff, then answered {@code VIDEO_PROVIDER_UNAVAILABLE}; 404 is {@code VIDEO_NOT_FOUND}.
 */
public final class VimeoVideoCatalog implements VideoCatalog {

    static final String ACCEPT = "application/vnd.vimeo.*+json;version=3.4";

    private final WebClient client;
    private final Duration timeout;
    private final int retries;

    public VimeoVideoCatalog(WebClient.Builder builder, LearningProperties.Vimeo properties) {
        if (properties.token() == null || properties.token().isBlank()) {
            throw new IllegalStateException("baeum.learning.vimeo.token is required with the vimeo adapter");
        }
        this.client = builder.baseUrl(properties.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "bearer " + properties.token())
                .defaultHeader(HttpHeaders.ACCEPT, ACCEPT)
                .build();
        this.timeout = properties.timeout();
        this.retries = properties.retries();
    }

    @Override
    public Mono<VideoMetadata> describe(String videoId) {
        if (!videoId.matches("[0-9]{1,20}")) {
            return Mono.error(DomainException.invalid("INVALID_VIDEO_ID", "a Vimeo video id is numeric", videoId));
        }
        return client.get().uri("/videos/{id}?fields=uri,duration,pictures.sizes,privacy.embed,status", videoId)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(timeout)
                .retryWhen(Retry.backoff(retries, Duration.ofMillis(200)).filter(VimeoVideoCatalog::transientFailure))
                .map(body -> metadata(videoId, body))
                .onErrorMap(error -> !(error instanceof DomainException), error -> translate(videoId, error));
    }

    static VideoMetadata metadata(String videoId, JsonNode body) {
        int duration = body.path("duration").asInt(0);
        String embed = body.path("privacy").path("embed").asString("private");
        boolean embeddable = "public".equals(embed) || "whitelist".equals(embed);
        return new VideoMetadata(videoId, duration, largestPicture(body), embeddable);
    }

    private static @Nullable String largestPicture(JsonNode body) {
        String link = null;
        int width = -1;
        for (JsonNode size : body.path("pictures").path("sizes")) {
            if (size.path("width").asInt(0) > width && size.hasNonNull("link")) {
                width = size.path("width").asInt(0);
                link = size.path("link").asString();
            }
        }
        return link;
    }

    private static boolean transientFailure(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError() || response.getStatusCode().value() == 429;
        }
        return error instanceof TimeoutException || error instanceof WebClientRequestException;
    }

    private static Throwable translate(String videoId, Throwable error) {
        Throwable cause = error;
        if (reactor.core.Exceptions.isRetryExhausted(error) && error.getCause() != null) {
            cause = error.getCause();
        }
        if (cause instanceof WebClientResponseException response && response.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
            return DomainException.notFound("VIDEO_NOT_FOUND", "Vimeo has no video " + videoId, videoId);
        }
        return DomainException.unavailable("VIDEO_PROVIDER_UNAVAILABLE",
                "Vimeo did not answer for video " + videoId + ": " + cause.getClass().getSimpleName());
    }
}

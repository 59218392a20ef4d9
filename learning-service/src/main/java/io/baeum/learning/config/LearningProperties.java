package io.baeum.learning.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything learning-service reads from configuration ({@code baeum.learning.*}).
 *
 * @param zone     the zone of study periods, days and daily caps (Asia/Seoul)
 * @param playback grant and cue-pass signing
 * @param progress the progress-events consumer
 * @param events   the learning-events consumer (domain events from other services)
 * @param vimeo    the video provider
 */
@Validated
@ConfigurationProperties("baeum.learning")
public record LearningProperties(
        @DefaultValue("Asia/Seoul") @NotNull ZoneId zone,
        @DefaultValue @Valid Playback playback,
        @DefaultValue @Valid Progress progress,
        @DefaultValue @Valid Events events,
        @DefaultValue @Valid Vimeo vimeo) {

    /**
     * @param issuer            {@code iss} of grants and cue passes
     * @param audience          {@code aud}: heartbeat-service
     * @param signingJwk        the RSA private key as a JWK (JSON) with a {@code kid}; from a secret in production
     * @param allowGeneratedKey without {@code signingJwk}, generate a key at startup (single instance, local runs only)
     * @param grantLifetime     how long a grant may open a session (5 minutes by contract)
     * @param cuePassLifetime   how long a cue pass is valid (10 minutes by contract)
     */
    public record Playback(
            @DefaultValue("baeum-learning") @NotBlank String issuer,
            @DefaultValue("baeum-heartbeat") @NotBlank String audience,
            @Nullable String signingJwk,
            @DefaultValue("false") boolean allowGeneratedKey,
            @DefaultValue("5m") @NotNull Duration grantLifetime,
            @DefaultValue("10m") @NotNull Duration cuePassLifetime) {
    }

    /**
     * @param queue                the queue heartbeat-service sends progress batches to
     * @param deadLetterQueue      where a batch that fails verification or decoding is sent, with its reason
     * @param keys                 HMAC keys of the envelope; the first is current, the rest previous (rotation)
     * @param maxEncodedChars      largest accepted message body
     * @param maxDecompressedBytes largest accepted uncompressed payload
     * @param maxConcurrentBatches batches applied at once by one instance
     */
    public record Progress(
            @DefaultValue("progress-events") @NotBlank String queue,
            @DefaultValue("progress-events-dlq") @NotBlank String deadLetterQueue,
            @DefaultValue List<@Valid Key> keys,
            @DefaultValue("262144") @Min(64) int maxEncodedChars,
            @DefaultValue("1048576") @Min(1) int maxDecompressedBytes,
            @DefaultValue("8") @Min(1) @Max(64) int maxConcurrentBatches) {
    }

    /** One envelope key: an id and a base64 secret of at least 32 bytes. */
    public record Key(@NotBlank String id, @NotBlank String secret) {
        @Override
        public String toString() {
            return "Key[id=" + id + ", secret=<redacted>]";
        }
    }

    /**
     * @param queue           this service's domain-event queue
     * @param deadLetterQueue where malformed events go, with their reason
     */
    public record Events(
            @DefaultValue("learning-events") @NotBlank String queue,
            @DefaultValue("learning-events-dlq") @NotBlank String deadLetterQueue) {
    }

    /**
     * @param adapter  {@code vimeo} (the Vimeo API) or {@code sandbox} (local runs: made-up metadata)
     * @param baseUrl  the Vimeo API
     * @param token    a Vimeo access token with the {@code private} scope; from a secret
     * @param timeout  per request
     * @param retries  retries of a failed request (5xx, timeouts), with backoff
     */
    public record Vimeo(
            @DefaultValue("vimeo") @NotBlank String adapter,
            @DefaultValue("https://api.vimeo.com") @NotNull URI baseUrl,
            @Nullable String token,
            @DefaultValue("3s") @NotNull Duration timeout,
            @DefaultValue("2") @Min(0) @Max(5) int retries) {
    }

    /** Keys are required; an empty list is a configuration error reported at startup. */
    public List<Key> progressKeys() {
        if (progress.keys().isEmpty()) {
            throw new IllegalStateException("configure baeum.learning.progress.keys (id + base64 secret; first = current)");
        }
        return progress.keys();
    }

}

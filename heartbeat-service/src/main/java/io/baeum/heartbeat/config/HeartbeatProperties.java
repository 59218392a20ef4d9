package io.baeum.heartbeat.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * heartbeat-service settings ({@code baeum.heartbeat.*}).
 *
 * @param grants   how playback grants and cue passes from learning-service are verified
 * @param state    Redis state
 * @param emission how progress events reach SQS
 * @param judge    judge tunables that are not HRD policy
 */
@Validated
@ConfigurationProperties("baeum.heartbeat")
public record HeartbeatProperties(@Valid @NotNull Grants grants, @Valid @DefaultValue State state,
                                  @Valid @NotNull Emission emission, @Valid @DefaultValue Judge judge) {

    /**
     * @param jwksUri   learning-service's JWKS
     * @param issuer    learning-service's issuer
     * @param audience  this service's audience in grants
     * @param clockSkew tolerance of time checks
     */
    public record Grants(@NotNull URI jwksUri, @DefaultValue("baeum-learning") @NotBlank String issuer,
                         @DefaultValue("baeum-heartbeat") @NotBlank String audience,
                         @DefaultValue("30s") @NotNull Duration clockSkew) {
    }

    /**
     * @param keyPrefix      prefix of every key this service writes
     * @param sessionIdleTtl how long an untouched session's state lives
     * @param commandTimeout how long one Redis round trip may take before the request answers 503
     * @param maxCasRetries  attempts of an optimistic state update under contention
     */
    public record State(@DefaultValue("baeum:hb:") @NotBlank String keyPrefix,
                        @DefaultValue("6h") @NotNull Duration sessionIdleTtl,
                        @DefaultValue("1s") @NotNull Duration commandTimeout,
                        @DefaultValue("8") @Positive int maxCasRetries) {
    }

    /**
     * @param queue           the SQS queue (name or URL)
     * @param producerId      this instance's id in batches and as Redis stream consumer ({@code hostname-pid} when blank)
     * @param flushInterval   how often the backlog is flushed
     * @param maxEventsPerRead events taken from the backlog per read (a full read flushes again at once); the
     *                         default fills one SendMessageBatch (10 messages of {@code maxEventsPerMessage})
     * @param maxEventsPerMessage events per SQS message at most
     * @param claimIdle       a pending entry idle this long (its reader died or its send failed) is taken over
     * @param sendTimeout     one SendMessageBatch call's timeout
     * @param keyId           HMAC key id
     * @param keySecret       HMAC secret, base64 (at least 32 bytes); production sets it from the environment
     * @param enabled         whether this instance flushes (tests of take-over turn it off)
     * @param retry           retries of one SendMessageBatch call
     * @param breaker         the circuit breaker around SQS sends
     */
    public record Emission(@DefaultValue("progress-events") @NotBlank String queue,
                           @DefaultValue("") String producerId,
                           @DefaultValue("200ms") @NotNull Duration flushInterval,
                           @DefaultValue("5000") @Positive int maxEventsPerRead,
                           @DefaultValue("500") @Positive int maxEventsPerMessage,
                           @DefaultValue("10s") @NotNull Duration claimIdle,
                           @DefaultValue("5s") @NotNull Duration sendTimeout,
                           @NotBlank String keyId,
                           @NotBlank String keySecret,
                           @DefaultValue("true") boolean enabled,
                           @Valid @DefaultValue Retry retry,
                           @Valid @DefaultValue Breaker breaker) {
    }

    /**
     * Retries of an SQS send, with exponential randomised backoff.
     *
     * @param maxAttempts    attempts in total, including the first
     * @param initialBackoff wait before the first retry
     * @param multiplier     growth of the wait per retry
     */
    public record Retry(@DefaultValue("3") @Positive int maxAttempts,
                        @DefaultValue("100ms") @NotNull Duration initialBackoff,
                        @DefaultValue("2.0") @DecimalMin("1.0") double multiplier) {
    }

    /**
     * The circuit breaker around SQS sends (count-based window; half-open on its own after the wait).
     *
     * @param slidingWindowSize             calls in the window
     * @param minimumNumberOfCalls          calls before the failure rate counts
     * @param failureRatePercent            failure rate that opens it, 1..100
     * @param waitInOpenState               how long it stays open
     * @param permittedCallsInHalfOpenState trial calls when half-open
     */
    public record Breaker(@DefaultValue("10") @Positive int slidingWindowSize,
                          @DefaultValue("5") @Positive int minimumNumberOfCalls,
                          @DefaultValue("50") @DecimalMin("1") @DecimalMax("100") float failureRatePercent,
                          @DefaultValue("2s") @NotNull Duration waitInOpenState,
                          @DefaultValue("2") @Positive int permittedCallsInHalfOpenState) {
    }

    /**
     * @param rateTolerance   relative slack on media moved vs server time × max rate
     * @param maxSequenceJump how far ahead a beat's sequence number may be
     */
    public record Judge(@DefaultValue("0.05") double rateTolerance, @DefaultValue("1000") @Positive long maxSequenceJump) {
    }
}

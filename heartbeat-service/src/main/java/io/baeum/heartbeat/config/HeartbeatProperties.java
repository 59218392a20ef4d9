package io.baeum.heartbeat.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
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
     * @param maxEventsPerRead events taken from the backlog per read (a full read flushes again at once)
     * @param maxEventsPerMessage events per SQS message at most
     * @param claimIdle       a pending entry idle this long (its reader died or its send failed) is taken over
     * @param sendTimeout     one SendMessageBatch call's timeout
     * @param keyId           HMAC key id
     * @param keySecret       HMAC secret, base64 (at least 32 bytes); production sets it from the environment
     * @param enabled         whether this instance flushes (tests of take-over turn it off)
     */
    public record Emission(@DefaultValue("progress-events") @NotBlank String queue,
                           @DefaultValue("") String producerId,
                           @DefaultValue("200ms") @NotNull Duration flushInterval,
                           @DefaultValue("500") @Positive int maxEventsPerRead,
                           @DefaultValue("500") @Positive int maxEventsPerMessage,
                           @DefaultValue("10s") @NotNull Duration claimIdle,
                           @DefaultValue("5s") @NotNull Duration sendTimeout,
                           @NotBlank String keyId,
                           @NotBlank String keySecret,
                           @DefaultValue("true") boolean enabled) {
    }

    /**
     * @param rateTolerance   relative slack on media moved vs server time × max rate
     * @param maxSequenceJump how far ahead a beat's sequence number may be
     */
    public record Judge(@DefaultValue("0.05") double rateTolerance, @DefaultValue("1000") @Positive long maxSequenceJump) {
    }
}

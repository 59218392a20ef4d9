package io.baeum.billing.config;

import java.net.URI;
import java.nio.file.Path;
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
 * Everything billing-service reads from configuration ({@code baeum.billing.*}).
 *
 * @param zone     the zone of study periods and refund days (Asia/Seoul)
 * @param currency the currency of every price and order (PortOne's {@code currency}, e.g. KRW)
 * @param events   queues: billing-events in, learning-events out
 * @param portone  the payment provider
 * @param sweep    the reconciliation sweep of pending orders
 * @param refunds  refund policy
 * @param receipts the printable receipts
 */
@Validated
@ConfigurationProperties("baeum.billing")
public record BillingProperties(
        @DefaultValue("Asia/Seoul") @NotNull ZoneId zone,
        @DefaultValue("KRW") @NotBlank String currency,
        @DefaultValue @Valid Events events,
        @DefaultValue @Valid PortOne portone,
        @DefaultValue @Valid Sweep sweep,
        @DefaultValue @Valid Refunds refunds,
        @DefaultValue @Valid Receipts receipts) {

    /**
     * @param queue           this service's domain-event queue (learning's catalogue and progress events)
     * @param deadLetterQueue where malformed events go, with their reason
     * @param learningQueue   learning-service's queue (EnrollmentPaid, EnrollmentRefunded)
     */
    public record Events(
            @DefaultValue("billing-events") @NotBlank String queue,
            @DefaultValue("billing-events-dlq") @NotBlank String deadLetterQueue,
            @DefaultValue("learning-events") @NotBlank String learningQueue) {
    }

    /**
     * @param adapter          {@code portone} (the PortOne V2 API) or {@code sandbox} (local runs: an in-process PortOne)
     * @param baseUrl          the PortOne V2 API
     * @param apiSecret        the V2 API secret ({@code Authorization: PortOne <secret>}); from a secret store
     * @param storeId          the store id, sent with cancellations when set
     * @param timeout          per request
     * @param retries          retries of a transient failure (timeouts, connection errors, 429, 5xx), with backoff
     * @param breakerOpenFor   how long the circuit stays open after too many failures
     * @param webhookSecrets   {@code whsec_...} secrets; two during a rotation (current first)
     * @param webhookTolerance accepted distance between a webhook's timestamp and now
     * @param sandboxWebhookUrl where the sandbox sends its signed webhooks (this service, directly)
     */
    public record PortOne(
            @DefaultValue("portone") @NotBlank String adapter,
            @DefaultValue("https://api.portone.io") @NotNull URI baseUrl,
            @Nullable String apiSecret,
            @Nullable String storeId,
            @DefaultValue("5s") @NotNull Duration timeout,
            @DefaultValue("2") @Min(0) @Max(5) int retries,
            @DefaultValue("30s") @NotNull Duration breakerOpenFor,
            @DefaultValue List<String> webhookSecrets,
            @DefaultValue("5m") @NotNull Duration webhookTolerance,
            @DefaultValue("http://127.0.0.1:8085/api/v1/billing/webhooks/portone") @NotNull URI sandboxWebhookUrl) {

        public boolean sandbox() {
            return "sandbox".equals(adapter);
        }

        @Override
        public String toString() {
            return "PortOne[adapter=" + adapter + ", baseUrl=" + baseUrl + ", storeId=" + storeId
                    + ", apiSecret=<redacted>, webhookSecrets=<" + webhookSecrets.size() + " redacted>]";
        }
    }

    /**
     * @param enabled      whether this instance sweeps
     * @param interval     pause between sweeps
     * @param pendingAfter an order pending this long is re-checked with PortOne (webhooks may be lost)
     * @param batchSize    orders re-checked per sweep
     */
    public record Sweep(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("1m") @NotNull Duration interval,
            @DefaultValue("2m") @NotNull Duration pendingAfter,
            @DefaultValue("50") @Min(1) @Max(500) int batchSize) {
    }

    /**
     * @param autoApprove approve a trainee's refund request at once (no operator decision)
     * @param dueWithin   refunds must be completed within this (평생교육법 시행령 제23조: 5 days)
     */
    public record Refunds(
            @DefaultValue("false") boolean autoApprove,
            @DefaultValue("5d") @NotNull Duration dueWithin) {
    }

    /**
     * @param font       a TrueType font with Hangul, embedded (subset) in PDF receipts (Debian: fonts-nanum)
     * @param issuer     who issues the receipt (printed on it)
     */
    public record Receipts(
            @DefaultValue("/usr/share/fonts/truetype/nanum/NanumGothic.ttf") @NotNull Path font,
            @DefaultValue("Baeum 원격훈련") @NotBlank String issuer) {
    }
}

package io.baeum.billing.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.billing.config.BillingProperties;
import io.baeum.billing.payment.domain.PaymentGateway;
import io.baeum.billing.payment.domain.PaymentSnapshot;
import io.baeum.billing.payment.domain.WebhookSignature;
import io.baeum.common.error.DomainException;

/**
 * A PortOne for local runs (no internet, no merchant account): payments live in memory; the browser
 * "pays" through {@link SandboxController} with whatever amount it sends (as PortOne's SDK would, so
 * tampering can be tried); PortOne's rules for cancellations are applied ({@code currentCancellableAmount}
 * must match, no more than what is left); and every change sends a Standard Webhooks-signed webhook
 * ({@code Transaction.Paid}, {@code Transaction.PartialCancelled}, ...) to billing, as PortOne does.
 */
public final class SandboxPortOne implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(SandboxPortOne.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Payment> payments = new ConcurrentHashMap<>();
    private final WebClient webhooks;
    private final BillingProperties.PortOne properties;
    private final Clock clock;

    public SandboxPortOne(WebClient.Builder builder, BillingProperties.PortOne properties, Clock clock) {
        if (properties.webhookSecrets().isEmpty()) {
            throw new IllegalStateException("the sandbox signs webhooks: configure baeum.billing.portone.webhook-secrets");
        }
        this.webhooks = builder.build();
        this.properties = properties;
        this.clock = clock;
    }

    record Payment(String paymentId, String transactionId, PaymentSnapshot.Status status, long total, long cancelled,
                   String currency, Instant paidAt) {
    }

    /** The browser SDK's requestPayment: the payment is approved for the amount sent (or fails when asked to). */
    public Mono<PaymentSnapshot> pay(String paymentId, long totalAmount, String currency, boolean fail) {
        Payment created = new Payment(paymentId, UUID.randomUUID().toString(),
                fail ? PaymentSnapshot.Status.FAILED : PaymentSnapshot.Status.PAID, totalAmount, 0, currency, clock.instant());
        Payment existing = payments.putIfAbsent(paymentId, created);
        if (existing != null) {
            return Mono.error(DomainException.conflict("ALREADY_PAID", "the sandbox already has payment " + paymentId));
        }
        notify(fail ? "Transaction.Failed" : "Transaction.Paid", created);
        return Mono.just(snapshot(created));
    }

    @Override
    public Mono<PaymentSnapshot> find(String paymentId) {
        Payment p = payments.get(paymentId);
        return Mono.just(p == null ? PaymentSnapshot.notFound(paymentId) : snapshot(p));
    }

    @Override
    public Mono<Cancellation> cancel(CancelRequest request) {
        return Mono.fromCallable(() -> {
            Payment[] after = new Payment[1];
            payments.compute(request.paymentId(), (id, p) -> {
                if (p == null || (p.status() != PaymentSnapshot.Status.PAID && p.status() != PaymentSnapshot.Status.PARTIAL_CANCELLED)) {
                    throw DomainException.conflict(p != null && p.status() == PaymentSnapshot.Status.CANCELLED ? ALREADY_CANCELLED : REFUSED,
                            "the payment cannot be cancelled");
                }
                long left = p.total() - p.cancelled();
                if (request.currentCancellableAmount() != left) {
                    throw DomainException.conflict(CANCELLABLE_INCONSISTENT, "the cancellable amount has changed");
                }
                if (request.amount() > left || request.amount() <= 0) {
                    throw DomainException.conflict(CANCEL_EXCEEDS, "the amount exceeds what can still be cancelled");
                }
                long cancelled = p.cancelled() + request.amount();
                after[0] = new Payment(id, p.transactionId(), cancelled == p.total() ? PaymentSnapshot.Status.CANCELLED
                        : PaymentSnapshot.Status.PARTIAL_CANCELLED, p.total(), cancelled, p.currency(), p.paidAt());
                return after[0];
            });
            notify(after[0].status() == PaymentSnapshot.Status.CANCELLED ? "Transaction.Cancelled" : "Transaction.PartialCancelled", after[0]);
            return new Cancellation("sandbox-cancel-" + UUID.randomUUID(), "SUCCEEDED", request.amount(), receipt(request.paymentId()));
        });
    }

    private PaymentSnapshot snapshot(Payment p) {
        return new PaymentSnapshot(p.paymentId(), p.status(), p.total(), p.cancelled(), p.currency(), receipt(p.paymentId()),
                p.status() == PaymentSnapshot.Status.FAILED ? null : p.paidAt());
    }

    private @Nullable String receipt(String paymentId) {
        return "https://sandbox.portone.local/receipts/" + paymentId;
    }

    /** Sends the webhook PortOne would, signed with the current secret; retried a few times, like PortOne. */
    private void notify(String type, Payment p) {
        Map<String, Object> data = Map.of("paymentId", p.paymentId(), "storeId", "store-sandbox", "transactionId", p.transactionId());
        byte[] body = JSON.writeValueAsString(Map.of("type", type, "timestamp", clock.instant().toString(), "data", data))
                .getBytes(StandardCharsets.UTF_8);
        String id = "sandbox-" + UUID.randomUUID();
        long timestamp = clock.instant().getEpochSecond();
        String signature = WebhookSignature.sign(properties.webhookSecrets().getFirst(), id, timestamp, body);
        webhooks.post().uri(properties.sandboxWebhookUrl())
                .contentType(MediaType.APPLICATION_JSON)
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp)).header("webhook-signature", signature)
                .bodyValue(body)
                .retrieve().toBodilessEntity()
                .retryWhen(Retry.backoff(3, Duration.ofMillis(500)))
                .subscribe(ok -> { }, e -> log.warn("sandbox webhook {} for {} not delivered: {}", type, p.paymentId(), e.toString()));
    }
}

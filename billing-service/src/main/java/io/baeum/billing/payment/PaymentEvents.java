package io.baeum.billing.payment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.billing.config.BillingProperties;
import io.baeum.billing.order.OrderService;
import io.baeum.billing.payment.domain.WebhookSignature;

/**
 * What happens after PortOne tells us something: a verified webhook is recorded once (dedup on
 * {@code webhook-id}) and its paymentId queued; a background worker re-fetches the payment and
 * reconciles the order (the body is never trusted). The reconciliation sweep does the same for orders
 * left pending — webhooks lost after PortOne's retries, or PortOne unreachable when the browser
 * completed.
 */
@Component
public class PaymentEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PaymentEvents.class);
    private static final int WORKERS = 4;

    private final WebhookSignature signature;
    private final OrderService orders;
    private final DatabaseClient db;
    private final Clock clock;
    private final BillingProperties properties;
    private final MeterRegistry meters;
    private final JsonMapper json;
    private final Sinks.Many<String> queue = Sinks.many().unicast().onBackpressureBuffer();
    private volatile @Nullable Disposable worker;
    private volatile @Nullable Disposable sweeper;

    PaymentEvents(WebhookSignature signature, OrderService orders, DatabaseClient db, Clock clock, BillingProperties properties,
                  MeterRegistry meters, JsonMapper json) {
        this.signature = signature;
        this.orders = orders;
        this.db = db;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        this.json = json;
    }

    /** What became of a delivery whose signature verified. */
    public enum Receipt { QUEUED, DUPLICATE, IGNORED }

    /**
     * Verifies and records a webhook delivery; the payment is reconciled later, off the request.
     *
     * @throws io.baeum.common.error.DomainException for missing, repeated or stale headers and bad signatures
     */
    public Mono<Receipt> webhook(@Nullable List<String> ids, @Nullable List<String> timestamps,
                                 @Nullable List<String> signatures, byte[] body) {
        WebhookSignature.Delivery delivery;
        try {
            delivery = signature.verify(ids, timestamps, signatures, body);
        } catch (RuntimeException e) {
            meters.counter("baeum.billing.webhooks", "outcome", "refused").increment();
            return Mono.error(e);
        }
        String type = "unreadable";
        String paymentId = null;
        try {
            JsonNode node = json.readTree(body);
            type = node.path("type").asString("unknown");
            JsonNode id = node.path("data").get("paymentId");
            paymentId = id == null || !id.isString() || id.asString().length() > 200 ? null : id.asString();
        } catch (JacksonException e) {
            log.warn("webhook {} is signed but not JSON; acknowledged and ignored", delivery.id());
        }
        String recordedType = type.length() > 100 ? type.substring(0, 100) : type;
        String payment = type.startsWith("Transaction.") ? paymentId : null;
        var insert = db.sql("INSERT INTO webhook_delivery (webhook_id, type, payment_id, received_at) VALUES (:id, :type, :p, :at) "
                        + "ON CONFLICT DO NOTHING")
                .bind("id", delivery.id()).bind("type", recordedType).bind("at", clock.instant());
        insert = payment == null ? insert.bindNull("p", String.class) : insert.bind("p", payment);
        return insert.fetch().rowsUpdated().map(inserted -> {
            Receipt receipt = inserted == 0 ? Receipt.DUPLICATE : payment == null ? Receipt.IGNORED : Receipt.QUEUED;
            if (receipt == Receipt.QUEUED && queue.tryEmitNext(payment).isFailure()) {
                // the sweep reconciles it later
                log.warn("webhook {} for {} not queued", delivery.id(), payment);
            }
            meters.counter("baeum.billing.webhooks", "outcome", receipt.name().toLowerCase()).increment();
            return receipt;
        });
    }

    /** One sweep: reconciles orders pending for longer than {@code pendingAfter}; emits how many were looked at. */
    public Mono<Long> sweepOnce() {
        return orders.pendingPaymentIds(clock.instant().minus(properties.sweep().pendingAfter()), properties.sweep().batchSize())
                .concatMap(paymentId -> orders.reconcile(paymentId).onErrorResume(e -> {
                    log.info("sweep: payment {} not reconciled yet: {}", paymentId, e.getMessage());
                    return Mono.empty();
                }).then(Mono.just(1)))
                .count()
                .doOnNext(n -> meters.counter("baeum.billing.sweep.checked").increment(n));
    }

    @Override
    public void start() {
        worker = queue.asFlux()
                .flatMap(paymentId -> orders.reconcile(paymentId)
                        .onErrorResume(e -> {
                            log.info("webhook for payment {} not reconciled now (the sweep retries): {}", paymentId, e.getMessage());
                            return Mono.empty();
                        }), WORKERS)
                .subscribe();
        if (properties.sweep().enabled()) {
            Duration every = properties.sweep().interval();
            sweeper = Flux.interval(every, every)
                    .onBackpressureDrop()
                    .concatMap(tick -> sweepOnce().onErrorResume(e -> {
                        log.warn("sweep failed: {}", e.toString());
                        return Mono.just(0L);
                    }), 0)
                    .subscribe();
        }
    }

    @Override
    public void stop() {
        Disposable w = worker;
        Disposable s = sweeper;
        if (w != null) {
            w.dispose();
        }
        if (s != null) {
            s.dispose();
        }
        worker = null;
        sweeper = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}

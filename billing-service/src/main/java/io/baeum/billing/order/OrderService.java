package io.baeum.billing.order;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.billing.cart.CartService;
import io.baeum.billing.config.BillingProperties;
import io.baeum.billing.order.domain.CourseMonthAmount;
import io.baeum.billing.order.domain.Order;
import io.baeum.billing.order.persistence.OrderStore;
import io.baeum.billing.payment.domain.PaymentGateway;
import io.baeum.billing.payment.domain.PaymentSnapshot;
import io.baeum.common.error.DomainException;
import io.baeum.common.events.DomainEventCodec;
import io.baeum.common.events.OutboxWriter;

/**
 * Checkout: an order from the cart, then its payment verified with PortOne (B1) and fulfilled exactly
 * once (B2). The browser's "complete", PortOne's webhook and the reconciliation sweep all end in
 * {@link #reconcile(Order)}: the payment is fetched from PortOne and only a {@code PAID} payment of the
 * order's amount and currency fulfils it. Fulfilment inserts the {@code payment_fulfilment} row keyed by
 * the paymentId and writes {@code EnrollmentPaid} to the outbox in the same transaction, so however many
 * callers race, one wins and the others see the order paid.
 */
@Service
public class OrderService {

    public static final String ENROLLMENT_PAID = "io.baeum.billing.EnrollmentPaid.v1";
    static final URI SOURCE = URI.create("/billing-service");

    private static final Logger log = LoggerFactory.getLogger(OrderService.class);

    private final OrderStore orders;
    private final CartService carts;
    private final PaymentGateway gateway;
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final OutboxWriter outbox;
    private final DomainEventCodec codec;
    private final Clock clock;
    private final BillingProperties properties;
    private final MeterRegistry meters;

    OrderService(OrderStore orders, CartService carts, PaymentGateway gateway, DatabaseClient db, TransactionalOperator tx,
                 OutboxWriter outbox, DomainEventCodec codec, Clock clock, BillingProperties properties, MeterRegistry meters) {
        this.orders = orders;
        this.carts = carts;
        this.gateway = gateway;
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    /** The data of {@code EnrollmentPaid}, exactly as learning-service's consumer reads it. */
    record EnrollmentPaid(String orderId, String accountId, UUID cohortId) {
    }

    /** Places an order for the whole cart at the server's prices and empties the cart. */
    public Mono<Order> place(String accountId) {
        return carts.cart(accountId)
                .map(cart -> Order.place(cart, clock.instant()))
                .flatMap(order -> orders.insert(order).then(carts.clear(accountId)).thenReturn(order))
                .as(tx::transactional)
                .doOnNext(o -> meters.counter("baeum.billing.orders", "outcome", "placed").increment());
    }

    /** Any account's order (for admins). */
    public Mono<Order> order(UUID orderId) {
        return orders.find(orderId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("ORDER_NOT_FOUND", "no order " + orderId)));
    }

    /** Sales by month (in {@code zone}) and course of payments in [{@code from}, {@code to}). */
    public Flux<CourseMonthAmount> salesByMonth(Instant from, Instant to, ZoneId zone) {
        return orders.salesByMonth(from, to, zone);
    }

    /** The account's latest orders (at most 200), newest first. */
    public Flux<Order> ofAccount(String accountId) {
        return orders.ofAccount(accountId);
    }

    public Mono<Order> ownOrder(UUID orderId, String accountId) {
        return orders.find(orderId)
                .filter(o -> o.accountId().equals(accountId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("ORDER_NOT_FOUND", "no order " + orderId)));
    }

    /**
     * The browser says the payment is done. {@code claimedPaymentId}, when sent, must be the order's own:
     * a paymentId of another order or account is refused before PortOne is asked.
     */
    public Mono<Order> complete(UUID orderId, String accountId, @Nullable String claimedPaymentId) {
        return ownOrder(orderId, accountId).flatMap(order -> {
            if (claimedPaymentId != null && !claimedPaymentId.equals(order.paymentId())) {
                meters.counter("baeum.billing.payments", "outcome", "foreign_payment_id").increment();
                return Mono.error(DomainException.conflict("PAYMENT_ID_MISMATCH", "the paymentId is not this order's"));
            }
            return reconcile(order).flatMap(done -> switch (done.status()) {
                case PAID -> Mono.just(done);
                case TAMPERED -> Mono.error(DomainException.rule("PAYMENT_AMOUNT_MISMATCH",
                        "the payment does not match the order; it is flagged and cancelled"));
                case FAILED -> Mono.error(DomainException.rule("PAYMENT_FAILED", "the payment failed"));
                case CANCELLED -> Mono.error(DomainException.conflict("PAYMENT_CANCELLED", "the payment was cancelled"));
                case PENDING -> Mono.error(DomainException.conflict("PAYMENT_NOT_COMPLETED", "PortOne has not seen the payment paid yet"));
            });
        });
    }

    /** Payment ids of orders pending since before {@code before}, least recently checked first. */
    public Flux<String> pendingPaymentIds(Instant before, int limit) {
        return orders.pendingPaymentIds(before, limit);
    }

    /** A webhook or the sweep names a payment: re-fetch it and act; unknown paymentIds are ignored. */
    public Mono<Order> reconcile(String paymentId) {
        return orders.findByPaymentId(paymentId).flatMap(this::reconcile);
    }

    /** Asks PortOne about the order's payment and applies the verdict; an order not pending is returned as it is. */
    public Mono<Order> reconcile(Order order) {
        if (order.status() != Order.Status.PENDING) {
            return Mono.just(order);
        }
        return gateway.find(order.paymentId())
                .onErrorResume(DomainException.class, e -> orders.checked(order.id(), true).then(Mono.error(e)))
                .flatMap(payment -> switch (order.check(payment)) {
                    case FULFIL -> fulfil(order, payment);
                    case TAMPERED -> tampered(order, payment);
                    case FAILED -> leave(order, Order.Status.FAILED);
                    case CANCELLED -> leave(order, Order.Status.CANCELLED);
                    case NOT_YET_PAID, ALREADY_FULFILLED -> orders.checked(order.id(), false).then(orders.find(order.id()));
                });
    }

    private Mono<Order> fulfil(Order order, PaymentSnapshot payment) {
        return db.sql("INSERT INTO payment_fulfilment (payment_id, order_id, amount, fulfilled_at) VALUES (:p, :o, :a, :at) "
                        + "ON CONFLICT DO NOTHING")
                .bind("p", order.paymentId()).bind("o", order.id()).bind("a", order.amount()).bind("at", clock.instant())
                .fetch().rowsUpdated()
                .flatMap(won -> won == 0 ? Mono.just(false)
                        : orders.leavePending(order.id(), Order.Status.PAID,
                                        payment.paidAt() == null ? clock.instant() : payment.paidAt(), payment.receiptUrl())
                                .thenMany(Flux.fromIterable(order.lines()).concatMap(line -> outbox.append(
                                        properties.events().learningQueue(),
                                        codec.create(ENROLLMENT_PAID, SOURCE, order.id().toString(),
                                                new EnrollmentPaid(order.id().toString(), order.accountId(), line.cohortId()), clock))))
                                .then(Mono.just(true)))
                .as(tx::transactional)
                .doOnNext(won -> meters.counter("baeum.billing.payments", "outcome", won ? "fulfilled" : "duplicate").increment())
                .then(orders.find(order.id()));
    }

    /**
     * PAID with another amount or currency (the browser was tampered with, or a paymentId reused):
     * recorded once, the order closed, the payment cancelled in full. Never fulfilled.
     */
    private Mono<Order> tampered(Order order, PaymentSnapshot payment) {
        var insert = db.sql("INSERT INTO payment_tampering (payment_id, order_id, expected_amount, expected_currency, "
                        + "reported_amount, reported_currency, detected_at) VALUES (:p, :o, :ea, :ec, :ra, :rc, :at) ON CONFLICT DO NOTHING")
                .bind("p", order.paymentId()).bind("o", order.id()).bind("ea", order.amount()).bind("ec", order.currency())
                .bind("at", clock.instant());
        insert = payment.total() == null ? insert.bindNull("ra", Long.class) : insert.bind("ra", payment.total());
        insert = payment.currency() == null ? insert.bindNull("rc", String.class) : insert.bind("rc", payment.currency());
        return insert.fetch().rowsUpdated()
                .flatMap(first -> orders.leavePending(order.id(), Order.Status.TAMPERED, null, null).thenReturn(first > 0))
                .as(tx::transactional)
                .flatMap(first -> {
                    if (!first) {
                        return Mono.just(false);
                    }
                    log.warn("payment {} of order {} does not match the order: flagged as tampering, cancelling", order.paymentId(), order.id());
                    meters.counter("baeum.billing.payments", "outcome", "tampered").increment();
                    return gateway.cancel(new PaymentGateway.CancelRequest(order.paymentId(), payment.cancellable(),
                                    "결제 금액 불일치 (amount mismatch)", payment.cancellable()))
                            .flatMap(c -> db.sql("UPDATE payment_tampering SET cancelled_at = :at WHERE payment_id = :p")
                                    .bind("at", clock.instant()).bind("p", order.paymentId()).then())
                            .onErrorResume(e -> db.sql("UPDATE payment_tampering SET cancel_error = :e WHERE payment_id = :p")
                                    .bind("e", e.getClass().getSimpleName() + ": " + e.getMessage()).bind("p", order.paymentId()).then())
                            .thenReturn(true);
                })
                .then(orders.find(order.id()));
    }

    private Mono<Order> leave(Order order, Order.Status to) {
        return orders.leavePending(order.id(), to, null, null)
                .doOnNext(moved -> meters.counter("baeum.billing.payments", "outcome", to.name().toLowerCase()).increment())
                .then(orders.find(order.id()));
    }
}

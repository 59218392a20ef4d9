package io.baeum.billing.refund;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.billing.catalogue.persistence.CatalogueStore;
import io.baeum.billing.config.BillingProperties;
import io.baeum.billing.order.domain.CourseMonthAmount;
import io.baeum.billing.order.domain.Order;
import io.baeum.billing.order.domain.OrderLine;
import io.baeum.billing.order.persistence.OrderStore;
import io.baeum.billing.payment.domain.PaymentGateway;
import io.baeum.billing.refund.domain.Refund;
import io.baeum.billing.refund.domain.RefundCase;
import io.baeum.billing.refund.domain.RefundMethod;
import io.baeum.billing.refund.domain.RefundQuote;
import io.baeum.billing.refund.domain.RefundRuleBook;
import io.baeum.billing.refund.persistence.RefundStore;
import io.baeum.common.error.DomainException;
import io.baeum.common.events.DomainEventCodec;
import io.baeum.common.events.OutboxWriter;

/**
 * Refunds: a quote by the rule book, the trainee's request, the operator's decision (or approval by
 * policy), and the cancellation at PortOne with {@code currentCancellableAmount}. Every change that moves
 * money runs in one transaction holding the order's row lock, so concurrent refunds of one order run one
 * after the other and their total never exceeds what was paid (B4); the completed refund and its
 * {@code EnrollmentRefunded} event are written together.
 */
@Service
public class RefundService {

    public static final String ENROLLMENT_REFUNDED = "io.baeum.billing.EnrollmentRefunded.v1";
    static final URI SOURCE = URI.create("/billing-service");

    private final RefundStore refunds;
    private final OrderStore orders;
    private final CatalogueStore catalogue;
    private final PaymentGateway gateway;
    private final TransactionalOperator tx;
    private final OutboxWriter outbox;
    private final DomainEventCodec codec;
    private final Clock clock;
    private final BillingProperties properties;
    private final MeterRegistry meters;
    private final RefundRuleBook rules = RefundRuleBook.defaults();
    private final AtomicLong overdue = new AtomicLong();

    RefundService(RefundStore refunds, OrderStore orders, CatalogueStore catalogue, PaymentGateway gateway, TransactionalOperator tx,
                  OutboxWriter outbox, DomainEventCodec codec, Clock clock, BillingProperties properties, MeterRegistry meters) {
        this.refunds = refunds;
        this.orders = orders;
        this.catalogue = catalogue;
        this.gateway = gateway;
        this.tx = tx;
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
        Gauge.builder("baeum.billing.refunds.overdue", overdue, AtomicLong::get)
                .description("refund requests not completed within the legal deadline (5 days)").register(meters);
    }

    /** learning-service's contract for a refund (it may not consume it yet: unknown types are acknowledged there). */
    record EnrollmentRefunded(String orderId, String accountId, UUID cohortId, String refundId, long amount,
                              boolean fullyRefunded, Instant refundedAt) {
    }

    /** What the rules give back for one line of the trainee's paid order today, less what was already refunded. */
    public Mono<RefundQuote> quote(UUID orderId, UUID cohortId, String accountId) {
        return orders.find(orderId)
                .filter(o -> o.accountId().equals(accountId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("ORDER_NOT_FOUND", "no order " + orderId)))
                .flatMap(order -> quote(order, order.line(cohortId)));
    }

    public Mono<Refund> request(UUID orderId, UUID cohortId, String accountId, String reason) {
        return orders.lock(orderId)
                .filter(o -> o.accountId().equals(accountId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("ORDER_NOT_FOUND", "no order " + orderId)))
                .flatMap(order -> quote(order, order.line(cohortId)).flatMap(q -> {
                    if (q.amount() <= 0) {
                        return Mono.error(DomainException.rule("NOTHING_TO_REFUND", "by the refund rules nothing is refunded now"));
                    }
                    Refund refund = new Refund(UUID.randomUUID(), orderId, cohortId, accountId, q.amount(), q.method().name(),
                            q.explanation(), reason, Refund.Status.REQUESTED, clock.instant(), accountId,
                            null, null, null, null, null, null);
                    return refunds.insert(refund).thenReturn(refund);
                }))
                .as(tx::transactional)
                .onErrorMap(DataIntegrityViolationException.class, e -> DomainException.conflict("REFUND_ALREADY_REQUESTED",
                        "a refund of this course is already waiting for a decision"))
                .doOnNext(r -> meters.counter("baeum.billing.refunds", "outcome", "requested").increment())
                .flatMap(r -> properties.refunds().autoApprove() ? approve(r.id(), "policy:auto-approve") : Mono.just(r));
    }

    /** The operator approves: PortOne cancels the amount; the refund completes and learning is told. */
    public Mono<Refund> approve(UUID refundId, String by) {
        return refunds.find(refundId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("REFUND_NOT_FOUND", "no refund " + refundId)))
                .flatMap(found -> orders.lock(found.orderId()).flatMap(order -> refunds.find(refundId).flatMap(refund -> {
                    if (refund.status() != Refund.Status.REQUESTED) {
                        return Mono.error(DomainException.conflict("REFUND_NOT_OPEN", "the refund was already decided"));
                    }
                    return settle(order, order.line(refund.cohortId()), refund.amount(), refund.reason(), by)
                            .flatMap(c -> refunds.complete(refundId, by, clock.instant(), c.id(), c.receiptUrl())
                                    .then(announce(order, refund.cohortId(), refundId, refund.amount())));
                })).as(tx::transactional)
                        .onErrorResume(e -> refunds.failed(refundId, e.getMessage() == null ? e.toString() : e.getMessage())
                                .onErrorResume(ignored -> Mono.empty()).then(Mono.error(e))))
                .then(Mono.defer(() -> refunds.find(refundId)))
                .doOnNext(r -> meters.counter("baeum.billing.refunds", "outcome", "completed").increment());
    }

    public Mono<Refund> reject(UUID refundId, String by, String reason) {
        return refunds.reject(refundId, by, clock.instant(), reason)
                .flatMap(done -> done ? refunds.find(refundId)
                        : refunds.find(refundId).switchIfEmpty(Mono.error(() -> DomainException.notFound("REFUND_NOT_FOUND", "no refund " + refundId)))
                        .then(Mono.error(DomainException.conflict("REFUND_NOT_OPEN", "the refund was already decided"))));
    }

    /** An operator refunds an amount of their choosing (within what is left) at once. */
    public Mono<Refund> refundNow(UUID orderId, UUID cohortId, long amount, String reason, String by) {
        UUID id = UUID.randomUUID();
        return orders.lock(orderId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("ORDER_NOT_FOUND", "no order " + orderId)))
                .flatMap(order -> {
                    OrderLine line = order.line(cohortId);
                    return settle(order, line, amount, reason, by).flatMap(c -> {
                        Instant now = clock.instant();
                        Refund refund = new Refund(id, orderId, cohortId, order.accountId(), amount, "OPERATOR", "refund by " + by,
                                reason, Refund.Status.COMPLETED, now, by, now, by, now, c.id(), c.receiptUrl(), null);
                        return refunds.insert(refund).then(announce(order, cohortId, id, amount)).thenReturn(refund);
                    });
                })
                .as(tx::transactional)
                .doOnNext(r -> meters.counter("baeum.billing.refunds", "outcome", "completed").increment());
    }

    /** Completed refunds by month (in {@code zone}) and course, completed in [{@code from}, {@code to}). */
    public Flux<CourseMonthAmount> refundsByMonth(Instant from, Instant to, ZoneId zone) {
        return refunds.refundsByMonth(from, to, zone);
    }

    /** The account's refunds (at most 200), newest first. */
    public Flux<Refund> ofAccount(String accountId) {
        return refunds.ofAccount(accountId);
    }

    /** Every refund of the order, oldest first. */
    public Flux<Refund> ofOrder(UUID orderId) {
        return refunds.ofOrder(orderId);
    }

    /** Open refunds; {@code overdueOnly}: those past the deadline (refreshes the gauge). */
    public Flux<Refund> open(boolean overdueOnly) {
        Instant due = clock.instant().minus(properties.refunds().dueWithin());
        refreshOverdue().subscribe();
        return refunds.open(overdueOnly ? due : null);
    }

    public Mono<Long> refreshOverdue() {
        return refunds.overdue(clock.instant().minus(properties.refunds().dueWithin())).doOnNext(overdue::set);
    }

    /**
     * Checks the amount against what is left of the order and the line (under the order's lock) and cancels
     * it at PortOne, telling PortOne what we believe can still be cancelled.
     */
    private Mono<PaymentGateway.Cancellation> settle(Order order, OrderLine line, long amount, String reason, String by) {
        if (order.status() != Order.Status.PAID) {
            return Mono.error(DomainException.conflict("ORDER_NOT_PAID", "only a paid order can be refunded"));
        }
        if (amount <= 0) {
            return Mono.error(DomainException.invalid("NOTHING_TO_REFUND", "a refund is a positive amount"));
        }
        return refunds.refunded(order.id(), null).zipWith(refunds.refunded(order.id(), line.cohortId())).flatMap(t -> {
            long left = order.amount() - t.getT1();
            long lineLeft = line.price() - t.getT2();
            if (amount > Math.min(left, lineLeft)) {
                meters.counter("baeum.billing.refunds", "outcome", "exceeds_paid").increment();
                return Mono.error(DomainException.conflict("REFUND_EXCEEDS_PAID", "refunds would exceed the amount paid",
                        Math.min(left, lineLeft)));
            }
            return gateway.cancel(new PaymentGateway.CancelRequest(order.paymentId(), amount, reason, left));
        });
    }

    private Mono<Void> announce(Order order, UUID cohortId, UUID refundId, long amount) {
        return refunds.refunded(order.id(), cohortId).flatMap(before -> {
            boolean full = before + amount >= order.line(cohortId).price();
            return outbox.append(properties.events().learningQueue(), codec.create(ENROLLMENT_REFUNDED, SOURCE, order.id().toString(),
                    new EnrollmentRefunded(order.id().toString(), order.accountId(), cohortId, refundId.toString(), amount, full,
                            clock.instant()), clock));
        });
    }

    private Mono<RefundQuote> quote(Order order, OrderLine line) {
        if (order.status() != Order.Status.PAID) {
            return Mono.error(DomainException.conflict("ORDER_NOT_PAID", "only a paid order can be refunded"));
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, properties.zone());
        RefundMethod method = rules.methodFor(line.trainingType(), line.delivery(), today);
        return catalogue.lessonsOpened(order.accountId(), line.cohortId(), now)
                .zipWith(refunds.refunded(order.id(), line.cohortId()))
                .map(t -> {
                    RefundQuote q = RefundQuote.of(method, new RefundCase(line.price(), line.studyFrom(), line.studyTo(), today,
                            line.lessonCount(), t.getT1(), line.sessionCount()));
                    long already = t.getT2();
                    return already == 0 ? q : new RefundQuote(Math.max(0, q.amount() - already), q.method(),
                            q.explanation() + "; " + already + " already refunded");
                });
    }
}

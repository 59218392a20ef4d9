package io.baeum.billing.order.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.billing.cart.domain.Cart;
import io.baeum.billing.payment.domain.PaymentSnapshot;
import io.baeum.common.error.DomainException;

/**
 * An order: what an account buys, for how much, and the one {@code paymentId} the server minted for
 * it (B2). The amount is the sum of the server's prices; {@link #check(PaymentSnapshot)} decides what
 * a payment PortOne reports means for it (B1).
 */
public record Order(
        UUID id,
        String accountId,
        String paymentId,
        String orderName,
        long amount,
        String currency,
        Status status,
        Instant createdAt,
        @Nullable Instant paidAt,
        @Nullable String receiptUrl,
        List<OrderLine> lines) {

    public enum Status { PENDING, PAID, FAILED, TAMPERED, CANCELLED }

    public Order {
        lines = List.copyOf(lines);
    }

    /** An order of the whole cart; {@code paymentId} is minted here, once. */
    public static Order place(Cart cart, Instant now) {
        if (cart.lines().isEmpty()) {
            throw DomainException.rule("CART_EMPTY", "the cart is empty");
        }
        cart.lines().stream().filter(l -> !l.sellable()).findFirst().ifPresent(l -> {
            throw DomainException.rule("COHORT_NOT_SELLABLE", "cohort " + l.cohortId() + " is no longer for sale");
        });
        if (cart.total() <= 0) {
            throw DomainException.rule("NOTHING_TO_PAY", "the cart costs nothing");
        }
        UUID id = UUID.randomUUID();
        String first = cart.lines().getFirst().courseTitle();
        String name = cart.lines().size() == 1 ? first : first + " 외 " + (cart.lines().size() - 1) + "건";
        return new Order(id, cart.accountId(), "pay-" + id, name.length() > 100 ? name.substring(0, 100) : name,
                cart.total(), cart.lines().getFirst().currency(), Status.PENDING, now, null, null,
                cart.lines().stream().map(OrderLine::of).toList());
    }

    /** What a payment PortOne reports means for this order. */
    public Verdict check(PaymentSnapshot payment) {
        if (!payment.paymentId().equals(paymentId)) {
            throw new IllegalArgumentException("payment " + payment.paymentId() + " is not this order's");
        }
        return switch (payment.status()) {
            case PAID -> Objects.equals(payment.total(), amount) && currency.equals(payment.currency())
                    ? Verdict.FULFIL : Verdict.TAMPERED;
            // a payment cancelled in part or in full after it was paid: only a paid order had it
            case PARTIAL_CANCELLED, CANCELLED -> status == Status.PAID ? Verdict.ALREADY_FULFILLED : Verdict.CANCELLED;
            case FAILED -> Verdict.FAILED;
            case READY, PENDING, VIRTUAL_ACCOUNT_ISSUED, NOT_FOUND, UNKNOWN -> Verdict.NOT_YET_PAID;
        };
    }

    public enum Verdict {
        /** PAID with our amount and currency: fulfil (once) */
        FULFIL,
        /** PAID with another amount or currency: flag and cancel the payment, never fulfil */
        TAMPERED,
        FAILED,
        CANCELLED,
        NOT_YET_PAID,
        ALREADY_FULFILLED
    }

    public Order paid(Instant at, @Nullable String receipt) {
        return new Order(id, accountId, paymentId, orderName, amount, currency, Status.PAID, createdAt, at, receipt, lines);
    }

    public OrderLine line(UUID cohortId) {
        return lines.stream().filter(l -> l.cohortId().equals(cohortId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("ORDER_LINE_NOT_FOUND", "the order did not buy cohort " + cohortId));
    }
}

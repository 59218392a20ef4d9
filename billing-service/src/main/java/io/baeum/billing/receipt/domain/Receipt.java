package io.baeum.billing.receipt.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.billing.order.domain.Order;
import io.baeum.billing.refund.domain.Refund;
import io.baeum.common.error.DomainException;

/**
 * Our receipt of a paid order: what was bought at which price, the refunds completed since, and what
 * the trainee paid in the end. Only amounts, dates and PortOne's own receipt links: billing never has
 * card or account details, so a receipt cannot show them (B5).
 *
 * @param receiptUrl PortOne's receipt of the payment (the card company's or PG's slip), when PortOne gave one
 */
public record Receipt(
        UUID orderId,
        String paymentId,
        String orderName,
        String currency,
        Instant paidAt,
        @Nullable String receiptUrl,
        List<Line> lines,
        List<RefundLine> refunds) {

    public record Line(UUID cohortId, String courseTitle, long price) {
    }

    /** A completed refund of one line; {@code receiptUrl}: PortOne's slip of the cancellation. */
    public record RefundLine(UUID cohortId, String courseTitle, Instant completedAt, long amount, @Nullable String receiptUrl) {
    }

    public Receipt {
        lines = List.copyOf(lines);
        refunds = List.copyOf(refunds);
    }

    /**
     * The receipt of {@code order} with its completed refunds; refunds of other orders and open or rejected
     * ones are left out. Only a paid order has a receipt.
     */
    public static Receipt of(Order order, List<Refund> refundsOfOrder) {
        if (order.status() != Order.Status.PAID || order.paidAt() == null) {
            throw DomainException.conflict("RECEIPT_NOT_ISSUED", "only a paid order has a receipt");
        }
        List<RefundLine> done = refundsOfOrder.stream()
                .filter(r -> r.orderId().equals(order.id()) && r.status() == Refund.Status.COMPLETED && r.completedAt() != null)
                .sorted(Comparator.comparing(Refund::completedAt))
                .map(r -> new RefundLine(r.cohortId(), order.line(r.cohortId()).courseTitle(), r.completedAt(), r.amount(), r.receiptUrl()))
                .toList();
        return new Receipt(order.id(), order.paymentId(), order.orderName(), order.currency(), order.paidAt(), order.receiptUrl(),
                order.lines().stream().map(l -> new Line(l.cohortId(), l.courseTitle(), l.price())).toList(), done);
    }

    public long paid() {
        return lines.stream().mapToLong(Line::price).sum();
    }

    public long refunded() {
        return refunds.stream().mapToLong(RefundLine::amount).sum();
    }

    /** What the trainee paid in the end. */
    public long net() {
        return paid() - refunded();
    }
}

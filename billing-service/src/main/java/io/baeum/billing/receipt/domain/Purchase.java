package io.baeum.billing.receipt.domain;

import java.util.List;

import io.baeum.billing.order.domain.Order;
import io.baeum.billing.refund.domain.Refund;

/** One of the trainee's orders (whatever its status) with every refund asked for on it. */
public record Purchase(Order order, List<Refund> refunds) {

    public Purchase {
        refunds = List.copyOf(refunds);
    }

    /** Completed refunds, in won. */
    public long refunded() {
        return refunds.stream().filter(r -> r.status() == Refund.Status.COMPLETED).mapToLong(Refund::amount).sum();
    }

    /** Whether our printable receipt exists for it (a paid order). */
    public boolean hasReceipt() {
        return order.status() == Order.Status.PAID;
    }
}

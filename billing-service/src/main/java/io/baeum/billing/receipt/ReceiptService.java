package io.baeum.billing.receipt;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

import io.baeum.billing.order.OrderService;
import io.baeum.billing.order.domain.Order;
import io.baeum.billing.receipt.domain.Purchase;
import io.baeum.billing.receipt.domain.Receipt;
import io.baeum.billing.refund.RefundService;
import io.baeum.billing.refund.domain.Refund;
import io.baeum.common.security.VerifiedAccessToken;

/**
 * The trainee's purchase history and our receipts. A receipt is the owner's; an admin may read any
 * (support, audits). Anyone else is told the order does not exist (404), as for every other order path.
 */
@Service
public class ReceiptService {

    static final String ADMIN = "ADMIN";

    private final OrderService orders;
    private final RefundService refunds;

    ReceiptService(OrderService orders, RefundService refunds) {
        this.orders = orders;
        this.refunds = refunds;
    }

    public Mono<Receipt> receipt(UUID orderId, VerifiedAccessToken caller) {
        Mono<Order> order = caller.hasRole(ADMIN) ? orders.order(orderId) : orders.ownOrder(orderId, caller.subject());
        return order.flatMap(o -> refunds.ofOrder(o.id()).collectList().map(done -> Receipt.of(o, done)));
    }

    /** The account's orders, newest first, each with its refunds (PortOne's receipt links included). */
    public Mono<List<Purchase>> history(String accountId) {
        Mono<Map<UUID, List<Refund>>> byOrder = refunds.ofAccount(accountId).collect(Collectors.groupingBy(Refund::orderId));
        return byOrder.flatMap(refundsOf -> orders.ofAccount(accountId)
                .map(o -> new Purchase(o, refundsOf.getOrDefault(o.id(), List.of())))
                .collectList());
    }
}

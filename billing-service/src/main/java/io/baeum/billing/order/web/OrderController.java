package io.baeum.billing.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.billing.order.OrderService;
import io.baeum.billing.order.domain.Order;
import io.baeum.billing.order.persistence.OrderStore;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;

/**
 * Checkout for the caller: place an order from the cart (the server mints its paymentId), pay it in the
 * browser with PortOne's SDK using that paymentId and the amount shown here, then ask the server to
 * complete it — which verifies the payment with PortOne and never trusts the browser.
 */
@RestController
class OrderController {

    private final OrderService service;
    private final OrderStore orders;

    OrderController(OrderService service, OrderStore orders) {
        this.service = service;
        this.orders = orders;
    }

    record OrderLineView(UUID cohortId, UUID courseId, String courseTitle, long price) {
    }

    record OrderView(UUID id, String paymentId, String orderName, long amount, String currency, Order.Status status,
                     Instant createdAt, @Nullable Instant paidAt, @Nullable String receiptUrl, List<OrderLineView> lines) {
        static OrderView of(Order o) {
            return new OrderView(o.id(), o.paymentId(), o.orderName(), o.amount(), o.currency(), o.status(), o.createdAt(),
                    o.paidAt(), o.receiptUrl(), o.lines().stream()
                    .map(l -> new OrderLineView(l.cohortId(), l.courseId(), l.courseTitle(), l.price())).toList());
        }
    }

    /** Optional: the paymentId the browser paid with; it must be the order's own. */
    record CompleteRequest(@Nullable @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_-]+") String paymentId) {
    }

    @PostMapping("/api/v1/billing/orders")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<OrderView>> place(@AuthenticationPrincipal VerifiedAccessToken caller) {
        return service.place(caller.subject()).map(o -> ApiResponse.ok(OrderView.of(o)));
    }

    @GetMapping("/api/v1/billing/orders")
    Mono<ApiResponse<List<OrderView>>> mine(@AuthenticationPrincipal VerifiedAccessToken caller) {
        return orders.ofAccount(caller.subject()).map(OrderView::of).collectList().map(ApiResponse::ok);
    }

    @GetMapping("/api/v1/billing/orders/{id}")
    Mono<ApiResponse<OrderView>> one(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return service.ownOrder(id, caller.subject()).map(o -> ApiResponse.ok(OrderView.of(o)));
    }

    @PostMapping("/api/v1/billing/orders/{id}/complete")
    Mono<ApiResponse<OrderView>> complete(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable CompleteRequest body,
                                          @AuthenticationPrincipal VerifiedAccessToken caller) {
        return service.complete(id, caller.subject(), body == null ? null : body.paymentId()).map(o -> ApiResponse.ok(OrderView.of(o)));
    }
}

package io.baeum.billing.cart.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.billing.cart.CartService;
import io.baeum.billing.cart.domain.Cart;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;

/** The caller's cart. Only a cohort id is accepted: prices and totals are the server's. */
@RestController
class CartController {

    private final CartService carts;

    CartController(CartService carts) {
        this.carts = carts;
    }

    record CartLineView(UUID cohortId, UUID courseId, String courseTitle, long price, String currency) {
    }

    record CartView(List<CartLineView> lines, long total, String currency) {
        static CartView of(Cart cart, String defaultCurrency) {
            return new CartView(cart.lines().stream().map(l -> new CartLineView(l.cohortId(), l.courseId(), l.courseTitle(),
                    l.price(), l.currency())).toList(), cart.total(),
                    cart.lines().isEmpty() ? defaultCurrency : cart.lines().getFirst().currency());
        }
    }

    record AddLine(@NotNull UUID cohortId) {
    }

    @GetMapping("/api/v1/billing/cart")
    Mono<ApiResponse<CartView>> cart(@AuthenticationPrincipal VerifiedAccessToken caller) {
        return carts.cart(caller.subject()).map(c -> ApiResponse.ok(CartView.of(c, "KRW")));
    }

    @PostMapping("/api/v1/billing/cart/lines")
    Mono<ApiResponse<CartView>> add(@Valid @RequestBody AddLine line, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return carts.add(caller.subject(), line.cohortId()).map(c -> ApiResponse.ok(CartView.of(c, "KRW")));
    }

    @DeleteMapping("/api/v1/billing/cart/lines/{cohortId}")
    Mono<ApiResponse<CartView>> remove(@PathVariable UUID cohortId, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return carts.remove(caller.subject(), cohortId).map(c -> ApiResponse.ok(CartView.of(c, "KRW")));
    }
}

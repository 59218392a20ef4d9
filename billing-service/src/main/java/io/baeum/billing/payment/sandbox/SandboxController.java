package io.baeum.billing.payment.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.billing.payment.domain.PaymentSnapshot;
import io.baeum.common.web.ApiResponse;

/**
 * Local runs only (adapter {@code sandbox}): what PortOne's browser SDK {@code requestPayment} does — the
 * web client "pays" an order's paymentId with the amount it sends, and the sandbox answers like the SDK
 * ({@code paymentId}, {@code txId}) and sends billing a signed webhook. The server never believes it: it
 * still verifies the payment with the sandbox's {@code GET /payments/{id}} equivalent.
 */
@RestController
@ConditionalOnProperty(name = "baeum.billing.portone.adapter", havingValue = "sandbox")
class SandboxController {

    private final SandboxPortOne sandbox;

    SandboxController(SandboxPortOne sandbox) {
        this.sandbox = sandbox;
    }

    record PayRequest(@NotNull @Min(1) @Max(1_000_000_000L) Long totalAmount, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                      @Nullable Boolean fail) {
    }

    record PayResponse(String paymentId, PaymentSnapshot.Status status, @Nullable Long totalAmount) {
    }

    @PostMapping("/api/v1/billing/sandbox/payments/{paymentId}")
    Mono<ApiResponse<PayResponse>> pay(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,200}") String paymentId,
                                       @Valid @RequestBody PayRequest request) {
        return sandbox.pay(paymentId, request.totalAmount(), request.currency(), Boolean.TRUE.equals(request.fail()))
                .map(p -> ApiResponse.ok(new PayResponse(p.paymentId(), p.status(), p.total())));
    }
}

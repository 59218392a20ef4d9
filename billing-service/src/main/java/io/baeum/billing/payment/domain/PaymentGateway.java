package io.baeum.billing.payment.domain;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

/**
 * The payment provider (PortOne V2). Adapters own the wire format and resilience; failures come as
 * {@link io.baeum.common.error.DomainException}s with these codes:
 * {@value #UNAVAILABLE} (timeouts, 5xx, open circuit), {@value #CANCEL_EXCEEDS} (more than is left),
 * {@value #CANCELLABLE_INCONSISTENT} (our {@code currentCancellableAmount} disagrees with PortOne's),
 * {@value #ALREADY_CANCELLED}, {@value #REFUSED} (any other refusal).
 */
public interface PaymentGateway {

    String UNAVAILABLE = "PAYMENT_PROVIDER_UNAVAILABLE";
    String CANCEL_EXCEEDS = "CANCEL_EXCEEDS_CANCELLABLE_AMOUNT";
    String CANCELLABLE_INCONSISTENT = "CANCELLABLE_AMOUNT_INCONSISTENT";
    String ALREADY_CANCELLED = "PAYMENT_ALREADY_CANCELLED";
    String REFUSED = "PAYMENT_PROVIDER_REFUSED";

    /** The payment as PortOne knows it; {@link PaymentSnapshot.Status#NOT_FOUND} when it has none. */
    Mono<PaymentSnapshot> find(String paymentId);

    /** Cancels {@code amount} of the payment (a refund), telling PortOne what we believe is left. */
    Mono<Cancellation> cancel(CancelRequest request);

    record CancelRequest(String paymentId, long amount, String reason, long currentCancellableAmount) {
    }

    /** @param status SUCCEEDED, REQUESTED (PortOne finishes it asynchronously) or FAILED */
    record Cancellation(String id, String status, long totalAmount, @Nullable String receiptUrl) {
    }
}

package io.baeum.billing.payment.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What PortOne says about a payment ({@code GET /payments/{paymentId}}), reduced to what billing
 * reads. Card and account details are never part of it (B5).
 *
 * @param total     {@code amount.total}, or {@code null} when PortOne has no payment yet
 * @param cancelled {@code amount.cancelled}
 */
public record PaymentSnapshot(
        String paymentId,
        Status status,
        @Nullable Long total,
        long cancelled,
        @Nullable String currency,
        @Nullable String receiptUrl,
        @Nullable Instant paidAt) {

    /** PortOne V2's payment statuses, plus {@link #NOT_FOUND} (never opened) and {@link #UNKNOWN} (a status added later). */
    public enum Status {
        READY, PENDING, VIRTUAL_ACCOUNT_ISSUED, PAID, FAILED, PARTIAL_CANCELLED, CANCELLED, NOT_FOUND, UNKNOWN;

        public static Status of(@Nullable String value) {
            if (value == null) {
                return UNKNOWN;
            }
            for (Status s : values()) {
                if (s.name().equals(value)) {
                    return s;
                }
            }
            return UNKNOWN;
        }
    }

    public static PaymentSnapshot notFound(String paymentId) {
        return new PaymentSnapshot(paymentId, Status.NOT_FOUND, null, 0, null, null, null);
    }

    /** What can still be cancelled at PortOne: the total less what was cancelled. */
    public long cancellable() {
        return total == null ? 0 : total - cancelled;
    }
}

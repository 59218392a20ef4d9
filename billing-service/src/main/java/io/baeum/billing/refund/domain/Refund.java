package io.baeum.billing.refund.domain;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A refund of part or all of one order line: requested by the trainee (or made by an admin), then completed at PortOne. */
public record Refund(
        UUID id,
        UUID orderId,
        UUID cohortId,
        String accountId,
        long amount,
        String method,
        String explanation,
        String reason,
        Status status,
        Instant requestedAt,
        String requestedBy,
        @Nullable Instant decidedAt,
        @Nullable String decidedBy,
        @Nullable Instant completedAt,
        @Nullable String cancellationId,
        @Nullable String receiptUrl,
        @Nullable String lastError) {

    public enum Status { REQUESTED, COMPLETED, REJECTED }
}

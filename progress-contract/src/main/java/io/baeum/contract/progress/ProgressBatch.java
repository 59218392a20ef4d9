package io.baeum.contract.progress;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Progress events that heartbeat-service sends to learning-service in one SQS message (payload type
 * {@value ProgressBatchV1Codec#PAYLOAD_TYPE}). The batch id is for tracing only: the consumer
 * deduplicates on {@link ProgressEvent#eventId()}, because a producer retry may regroup events.
 *
 * @param producerId       the heartbeat-service instance that produced the batch, 1..128 characters
 * @param createdAtEpochMs when the batch was sealed, server clock, epoch milliseconds
 * @param batchId          a random id for tracing
 * @param events           the events, in the order they occurred on the producer (the consumer must not rely on it)
 */
public record ProgressBatch(String producerId, long createdAtEpochMs, UUID batchId, List<ProgressEvent> events) {

    public ProgressBatch {
        ProgressEvent.requireText("producerId", producerId, ProgressEvent.MAX_ID_LENGTH);
        ProgressEvent.requireNonNegative("createdAtEpochMs", createdAtEpochMs);
        Objects.requireNonNull(batchId, "batchId");
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }
}

package io.baeum.contract.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

import com.github.luben.zstd.Zstd;

/**
 * Groups progress events into batches that are each guaranteed to fit in one SQS message (H7). The
 * guarantee does not depend on how well zstd compresses: a batch fits when even incompressible bytes
 * ({@code ZSTD_compressBound}) plus the longest header and the MAC stay under
 * {@link ProgressEnvelopeLimits#maxEncodedChars()} after base64, and the uncompressed payload stays
 * under {@link ProgressEnvelopeLimits#maxDecompressedBytes()}. Heartbeat events compress several times
 * over, so the bound costs little and spares the producer a seal-measure-retry loop.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProgressBatchSplitter {

    private final ProgressEnvelopeLimits limits;
    private final int maxEventsPerBatch;

    /**
     * @param limits            the limits the consumer enforces
     * @param maxEventsPerBatch an upper bound on events per batch, to keep consumer transactions short
     */
    public ProgressBatchSplitter(ProgressEnvelopeLimits limits, int maxEventsPerBatch) {
        this.limits = Objects.requireNonNull(limits, "limits");
        if (maxEventsPerBatch < 1) {
            throw new IllegalArgumentException("maxEventsPerBatch must be positive, was " + maxEventsPerBatch);
        }
        this.maxEventsPerBatch = maxEventsPerBatch;
    }

    /**
     * @param payloadBytes an uncompressed payload size
     * @return the most base64 characters a sealed envelope of that payload can take, whatever the data
     */
    public static long worstCaseEncodedChars(int payloadBytes) {
        long binary = ProgressEnvelopeCodec.MAX_HEADER_LENGTH + Zstd.compressBound(payloadBytes)
                + ProgressEnvelopeCodec.MAC_LENGTH;
        return 4 * ((binary + 2) / 3);
    }

    /**
     * @param batch a batch
     * @return whether it is within the event count and is guaranteed to seal within the limits
     */
    public boolean fitsInOneMessage(ProgressBatch batch) {
        return batch.events().size() <= maxEventsPerBatch && payloadFits(new ProgressBatchV1Codec().encodedSize(batch));
    }

    /**
     * Splits events into as few batches as the limits allow, keeping their order.
     *
     * @param producerId       the producer instance
     * @param createdAtEpochMs the batches' creation time
     * @param events           the events to send
     * @param batchIds         supplies one id per batch, e.g. {@code UUID::randomUUID}
     * @return the batches; empty when there are no events
     * @throws IllegalArgumentException when a single event cannot fit (impossible within the field length limits
     *                                  unless the limits are configured absurdly low)
     */
    public List<ProgressBatch> split(String producerId, long createdAtEpochMs, List<ProgressEvent> events,
            Supplier<UUID> batchIds) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(batchIds, "batchIds");
        int emptySize = ProgressBatchV1Codec.batchHeaderSize(producerId, createdAtEpochMs);
        List<ProgressBatch> batches = new ArrayList<>();
        List<ProgressEvent> current = new ArrayList<>();
        int size = emptySize;
        for (ProgressEvent event : events) {
            int eventSize = ProgressBatchV1Codec.eventFieldSize(event);
            if (!current.isEmpty() && (current.size() == maxEventsPerBatch || !payloadFits(size + eventSize))) {
                batches.add(new ProgressBatch(producerId, createdAtEpochMs, batchIds.get(), current));
                current = new ArrayList<>();
                size = emptySize;
            }
            if (!payloadFits(size + eventSize)) {
                throw new IllegalArgumentException("one event does not fit in a message under " + limits);
            }
            current.add(event);
            size += eventSize;
        }
        if (!current.isEmpty()) {
            batches.add(new ProgressBatch(producerId, createdAtEpochMs, batchIds.get(), current));
        }
        return batches;
    }

    private boolean payloadFits(int payloadBytes) {
        return payloadBytes <= limits.maxDecompressedBytes()
                && worstCaseEncodedChars(payloadBytes) <= limits.maxEncodedChars();
    }
}

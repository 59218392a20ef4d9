package io.baeum.heartbeat.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import software.amazon.awssdk.services.sqs.model.Message;

import io.baeum.contract.progress.ProgressBatch;
import io.baeum.contract.progress.ProgressBatchV1Codec;
import io.baeum.contract.progress.ProgressEnvelopeCodec;
import io.baeum.contract.progress.ProgressEnvelopeLimits;
import io.baeum.contract.progress.ProgressEvent;
import io.baeum.contract.progress.ProgressKey;
import io.baeum.contract.progress.ProgressKeyRing;
import io.baeum.testing.TestSqs;

/** Plays learning-service: drains the queue, verifies and opens each envelope, deduplicates on event id. */
public final class ProgressQueue {

    private final TestSqs sqs;
    private final ProgressEnvelopeCodec codec = new ProgressEnvelopeCodec(
            ProgressKeyRing.of(ProgressKey.fromBase64(TestTokens.PROGRESS_KEY_ID, TestTokens.PROGRESS_KEY_SECRET)),
            ProgressEnvelopeLimits.defaults());
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private final Set<UUID> seen = ConcurrentHashMap.newKeySet();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private final Set<String> producers = ConcurrentHashMap.newKeySet();
    private int duplicates;

    public ProgressQueue(TestSqs sqs) {
        this.sqs = sqs;
    }

    /** Receives what is on the queue now; returns the events (deduplicated) of one playback session. */
    public synchronized List<ProgressEvent> of(String playbackSessionId) {
        for (Message message : sqs.drain("progress-events", 1000)) {
            ProgressBatch batch = codec.open(message.body(), new ProgressBatchV1Codec()).payload();
            batchSizes.add(batch.events().size());
            producers.add(batch.producerId());
            for (ProgressEvent event : batch.events()) {
                if (seen.add(event.eventId())) {
                    events.add(event);
                } else {
                    duplicates++;
                }
            }
        }
        List<ProgressEvent> mine = new ArrayList<>();
        for (ProgressEvent event : events) {
            if (event.playbackSessionId().equals(playbackSessionId)) {
                mine.add(event);
            }
        }
        return mine;
    }

    public List<Integer> batchSizes() {
        return batchSizes;
    }

    /** The producer ids of every batch received. */
    public Set<String> producers() {
        return producers;
    }

    public int duplicates() {
        return duplicates;
    }
}

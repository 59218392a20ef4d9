package io.baeum.contract.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ProgressBatchSplitterTests {

    private final ProgressBatchV1Codec payloadCodec = new ProgressBatchV1Codec();

    @Test
    void incompressibleEventsAreSplitIntoBatchesThatEachSealUnderTheSqsLimit() {
        ProgressEnvelopeLimits limits = ProgressEnvelopeLimits.defaults();
        ProgressBatchSplitter splitter = new ProgressBatchSplitter(limits, 100_000);
        List<ProgressEvent> events = randomEvents(new Random(11), 4_000); // random text compresses poorly

        List<ProgressBatch> batches = splitter.split("heartbeat-1", 1_767_225_600_000L, events, UUID::randomUUID);

        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches.stream().flatMap(batch -> batch.events().stream()).toList()).isEqualTo(events);
        try (ProgressEnvelopeCodec codec = new ProgressEnvelopeCodec(ProgressBatches.ringWithPrevious(), limits)) {
            for (ProgressBatch batch : batches) {
                assertThat(splitter.fitsInOneMessage(batch)).isTrue();
                String body = codec.seal(payloadCodec, batch);
                assertThat(body.length()).isLessThanOrEqualTo(ProgressEnvelopeLimits.SQS_MAX_MESSAGE_BYTES);
                assertThat(codec.open(body, payloadCodec).payload()).isEqualTo(batch);
            }
        }
    }

    @Test
    void batchesNeverExceedTheEventCount() {
        ProgressBatchSplitter splitter = new ProgressBatchSplitter(ProgressEnvelopeLimits.defaults(), 3);

        List<ProgressBatch> batches = splitter.split("heartbeat-1", 0, randomEvents(new Random(3), 10), UUID::randomUUID);

        assertThat(batches).extracting(batch -> batch.events().size()).containsExactly(3, 3, 3, 1);
    }

    @Test
    void noEventsMeansNoBatches() {
        ProgressBatchSplitter splitter = new ProgressBatchSplitter(ProgressEnvelopeLimits.defaults(), 10);

        assertThat(splitter.split("heartbeat-1", 0, List.of(), UUID::randomUUID)).isEmpty();
    }

    @Test
    void batchTooLargeForOneMessageIsReportedAsNotFitting() {
        ProgressBatchSplitter splitter = new ProgressBatchSplitter(new ProgressEnvelopeLimits(12_000, 1_000_000), 1_000);
        List<ProgressEvent> events = randomEvents(new Random(5), 50);
        ProgressBatch everything = new ProgressBatch("heartbeat-1", 0, UUID.randomUUID(), events);

        assertThat(splitter.fitsInOneMessage(everything)).isFalse();
        assertThat(splitter.split("heartbeat-1", 0, events, UUID::randomUUID))
                .allSatisfy(batch -> assertThat(splitter.fitsInOneMessage(batch)).isTrue());
    }

    private static List<ProgressEvent> randomEvents(Random random, int count) {
        List<ProgressEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(ProgressBatches.randomEvent(random));
        }
        return events;
    }
}

package io.baeum.learning.progress.messaging;

import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.awspring.cloud.sqs.annotation.SqsListener;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import io.baeum.contract.progress.OpenedEnvelope;
import io.baeum.contract.progress.ProgressBatch;
import io.baeum.contract.progress.ProgressBatchV1Codec;
import io.baeum.contract.progress.ProgressEnvelopeCodec;
import io.baeum.contract.progress.ProgressEnvelopeException;
import io.baeum.learning.config.DeadLetters;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.progress.ProgressConsumer;

/**
 * The {@code progress-events} listener. Two kinds of failure, two routes:
 *
 * <ul>
 *   <li>The envelope fails verification or decoding ({@link ProgressEnvelopeException}): the batch is
 *       never applied. It is copied to the DLQ at once with the reason as a message attribute, the
 *       {@code baeum.progress.batches.rejected{reason}} counter is incremented and the original is
 *       acknowledged. Retrying could not change the verdict. If the DLQ send fails, the error
 *       propagates and the message stays unacknowledged.</li>
 *   <li>Anything else (PostgreSQL unavailable, a deadlock, a bug) propagates: the message stays
 *       unacknowledged, becomes visible again after the visibility timeout, and after maxReceiveCount
 *       receives SQS's redrive policy moves it to the DLQ. Nothing is swallowed (H4).</li>
 * </ul>
 *
 * Acknowledgement is Spring Cloud AWS's default {@code ON_SUCCESS}, sent in batches after the
 * transaction committed; a crash in between redelivers the message, which then changes nothing (H5).
 */
@Component
class ProgressEventsListener {

    private static final Logger log = LoggerFactory.getLogger(ProgressEventsListener.class);

    private final ProgressEnvelopeCodec codec;
    private final ProgressBatchV1Codec payloads = new ProgressBatchV1Codec();
    private final ProgressConsumer consumer;
    private final DeadLetters deadLetters;
    private final LearningProperties.Progress properties;
    private final MeterRegistry meters;

    ProgressEventsListener(ProgressEnvelopeCodec codec, ProgressConsumer consumer, DeadLetters deadLetters,
                           LearningProperties properties, MeterRegistry meters) {
        this.codec = codec;
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        this.properties = properties.progress();
        this.meters = meters;
    }

    @SqsListener(value = "${baeum.learning.progress.queue:progress-events}", id = "progress-events",
            maxConcurrentMessages = "${baeum.learning.progress.max-concurrent-batches:8}",
            maxMessagesPerPoll = "${baeum.learning.progress.max-concurrent-batches:8}")
    CompletableFuture<Void> onMessage(String body) {
        return handle(body).toFuture();
    }

    Mono<Void> handle(String body) {
        OpenedEnvelope<ProgressBatch> opened;
        try {
            opened = codec.open(body, payloads);
        } catch (ProgressEnvelopeException e) {
            meters.counter("baeum.progress.batches.rejected", "reason", e.reason().name()).increment();
            log.warn("progress batch rejected ({}), sent to {}", e.reason(), properties.deadLetterQueue());
            return deadLetters.send(properties.deadLetterQueue(), properties.queue(), body, e.reason().name());
        }
        ProgressBatch batch = opened.payload();
        return consumer.apply(batch)
                .doOnNext(outcome -> meters.counter("baeum.progress.batches", "outcome", "applied", "key", opened.keyId()).increment())
                .doOnError(error -> {
                    meters.counter("baeum.progress.batches", "outcome", "failed", "key", opened.keyId()).increment();
                    log.warn("progress batch {} failed, left for redelivery: {}", batch.batchId(), error.toString());
                })
                .then();
    }
}

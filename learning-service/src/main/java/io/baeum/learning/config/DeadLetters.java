package io.baeum.learning.config;

import java.util.Map;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import io.baeum.common.events.SqsQueueUrls;

/**
 * Sends a message that can never be applied (bad signature, undecodable, malformed event) to a
 * dead-letter queue with its reason as the {@value #REASON} message attribute, so the listener can
 * acknowledge it at once instead of failing it five times. Messages that fail for a transient reason
 * are not sent here: they stay unacknowledged and SQS's redrive policy moves them after
 * maxReceiveCount.
 */
@Component
public class DeadLetters {

    public static final String REASON = "baeum-rejection-reason";
    public static final String SOURCE = "baeum-source-queue";

    private final SqsAsyncClient sqs;
    private final SqsQueueUrls urls;

    DeadLetters(SqsAsyncClient sqs, SqsQueueUrls urls) {
        this.sqs = sqs;
        this.urls = urls;
    }

    /** Completes once SQS stored the copy; errors otherwise (the caller then leaves the original unacknowledged). */
    public Mono<Void> send(String deadLetterQueue, String sourceQueue, String body, String reason) {
        return urls.of(deadLetterQueue)
                .flatMap(url -> Mono.fromFuture(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody(body)
                        .messageAttributes(Map.of(
                                REASON, MessageAttributeValue.builder().dataType("String").stringValue(reason).build(),
                                SOURCE, MessageAttributeValue.builder().dataType("String").stringValue(sourceQueue).build())))))
                .doOnError(e -> urls.forget(deadLetterQueue))
                .then();
    }
}

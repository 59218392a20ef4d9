package io.baeum.rag.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

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
    private final Map<String, Mono<String>> urls = new ConcurrentHashMap<>();

    DeadLetters(SqsAsyncClient sqs) {
        this.sqs = sqs;
    }

    /** Completes once SQS stored the copy; errors otherwise (the caller then leaves the original unacknowledged). */
    public Mono<Void> send(String deadLetterQueue, String sourceQueue, String body, String reason) {
        return url(deadLetterQueue)
                .flatMap(url -> Mono.fromFuture(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody(body)
                        .messageAttributes(Map.of(
                                REASON, MessageAttributeValue.builder().dataType("String").stringValue(reason).build(),
                                SOURCE, MessageAttributeValue.builder().dataType("String").stringValue(sourceQueue).build())))))
                .doOnError(e -> urls.remove(deadLetterQueue))
                .then();
    }

    private Mono<String> url(String queue) {
        return urls.computeIfAbsent(queue, name -> Mono.fromFuture(() -> sqs.getQueueUrl(b -> b.queueName(name)))
                .map(r -> r.queueUrl()).cache());
    }
}

package io.baeum.common.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The one queue-name → queue-URL resolver of a service: each name is looked up once ({@code GetQueueUrl}) and the
 * answer cached; {@link #forget(String)} drops it after a failed send, so a recreated queue is found again. Used by
 * the outbox relay and by dead-letter senders; a bean wherever there is an {@link SqsAsyncClient}.
 */
public final class SqsQueueUrls {

    private final SqsAsyncClient sqs;
    private final Map<String, Mono<String>> urls = new ConcurrentHashMap<>();

    public SqsQueueUrls(SqsAsyncClient sqs) {
        this.sqs = sqs;
    }

    /** The URL of the queue named {@code queue}; a failed lookup is not cached. */
    public Mono<String> of(String queue) {
        return urls.computeIfAbsent(queue, name -> Mono.fromFuture(() -> sqs.getQueueUrl(b -> b.queueName(name)))
                .map(response -> response.queueUrl())
                .doOnError(error -> urls.remove(name))
                .cache());
    }

    /** Drops the cached URL of {@code queue} (after a send to it failed). */
    public void forget(String queue) {
        urls.remove(queue);
    }
}

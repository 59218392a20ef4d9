package io.baeum.common.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends unsent outbox rows to their SQS queues and marks them sent: at-least-once delivery of the
 * events {@link OutboxWriter} recorded.
 *
 * <p>Each pass locks a batch of the oldest unsent rows with {@code FOR UPDATE SKIP LOCKED}, so
 * several instances of a service relay in parallel without sending a row twice; a row is marked sent
 * only after SQS accepted it, in the same transaction that locked it. A failed send leaves the row
 * unsent (attempts and last error recorded) for the next pass; a crash between SQS accepting and the
 * commit re-sends it, which consumers absorb by deduplicating on the event id.
 */
public final class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int SQS_BATCH = 10;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final SqsAsyncClient sqs;
    private final int batchSize;
    private final Duration sendTimeout;
    private final SqsQueueUrls queueUrls;
    private final Counter relayed;
    private final Counter failed;

    public OutboxRelay(DatabaseClient database, TransactionalOperator transactions, SqsAsyncClient sqs,
                       int batchSize, Duration sendTimeout, MeterRegistry meters) {
        this(database, transactions, sqs, new SqsQueueUrls(sqs), batchSize, sendTimeout, meters);
    }

    public OutboxRelay(DatabaseClient database, TransactionalOperator transactions, SqsAsyncClient sqs,
                       SqsQueueUrls queueUrls, int batchSize, Duration sendTimeout, MeterRegistry meters) {
        this.database = database;
        this.queueUrls = queueUrls;
        this.transactions = transactions;
        this.sqs = sqs;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.relayed = Counter.builder("baeum.outbox.relayed").description("outbox events accepted by SQS").register(meters);
        this.failed = Counter.builder("baeum.outbox.failed").description("outbox sends SQS refused or that failed").register(meters);
    }

    /** One pass: relays up to the batch size; emits how many rows were marked sent. */
    public Mono<Integer> relayOnce() {
        return lockUnsent()
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.just(0) : send(rows))
                .as(transactions::transactional);
    }

    /** Passes until a pass finds nothing to send (or only failures); emits the total sent. */
    public Mono<Integer> relayAll() {
        return relayOnce()
                .expand(sent -> sent > 0 ? relayOnce() : Mono.empty())
                .reduce(0, Integer::sum);
    }

    private Flux<Row> lockUnsent() {
        return database.sql("SELECT id, destination, payload::text AS payload FROM outbox_event "
                        + "WHERE sent_at IS NULL ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("limit", batchSize)
                .map((row, meta) -> new Row(row.get("id", UUID.class), row.get("destination", String.class),
                        row.get("payload", String.class)))
                .all();
    }

    private Mono<Integer> send(List<Row> rows) {
        Map<String, List<Row>> byQueue = rows.stream()
                .collect(Collectors.groupingBy(Row::destination, LinkedHashMap::new, Collectors.toList()));
        return Flux.fromIterable(byQueue.entrySet())
                .concatMap(entry -> Flux.fromIterable(chunks(entry.getValue()))
                        .concatMap(chunk -> sendChunk(entry.getKey(), chunk)))
                .collectList()
                .flatMap(outcomes -> {
                    List<UUID> sent = new ArrayList<>();
                    Map<UUID, String> errors = new LinkedHashMap<>();
                    outcomes.forEach(outcome -> {
                        sent.addAll(outcome.sent());
                        errors.putAll(outcome.errors());
                    });
                    relayed.increment(sent.size());
                    failed.increment(errors.size());
                    return markSent(sent).then(recordFailures(errors)).thenReturn(sent.size());
                });
    }

    private Mono<Outcome> sendChunk(String queue, List<Row> chunk) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(chunk.get(i).payload()).build());
        }
        return queueUrls.of(queue)
                .flatMap(url -> Mono.fromFuture(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(entries))))
                .timeout(sendTimeout)
                .map(response -> outcome(chunk, response))
                .onErrorResume(error -> {
                    log.warn("outbox relay to {} failed for {} events: {}", queue, chunk.size(), error.toString());
                    queueUrls.forget(queue);
                    Map<UUID, String> errors = new LinkedHashMap<>();
                    chunk.forEach(row -> errors.put(row.id(), error.getClass().getSimpleName()));
                    return Mono.just(new Outcome(List.of(), errors));
                });
    }

    private static Outcome outcome(List<Row> chunk, SendMessageBatchResponse response) {
        List<UUID> sent = response.successful().stream().map(ok -> chunk.get(Integer.parseInt(ok.id())).id()).toList();
        Map<UUID, String> errors = new LinkedHashMap<>();
        for (BatchResultErrorEntry error : response.failed()) {
            errors.put(chunk.get(Integer.parseInt(error.id())).id(), error.code() + ": " + error.message());
        }
        return new Outcome(sent, errors);
    }

    private Mono<Void> markSent(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("UPDATE outbox_event SET sent_at = now(), attempts = attempts + 1, last_error = NULL "
                        + "WHERE id = ANY(:ids)")
                .bind("ids", ids.toArray(UUID[]::new))
                .then();
    }

    private Mono<Void> recordFailures(Map<UUID, String> errors) {
        if (errors.isEmpty()) {
            return Mono.empty();
        }
        Set<Map.Entry<UUID, String>> entries = errors.entrySet();
        return Flux.fromIterable(entries)
                .concatMap(e -> database.sql("UPDATE outbox_event SET attempts = attempts + 1, last_error = :error WHERE id = :id")
                        .bind("error", e.getValue())
                        .bind("id", e.getKey())
                        .then())
                .then();
    }

    private List<List<Row>> chunks(List<Row> rows) {
        List<List<Row>> chunks = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += SQS_BATCH) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + SQS_BATCH)));
        }
        return chunks;
    }

    private record Row(UUID id, String destination, String payload) {
    }

    private record Outcome(List<UUID> sent, Map<UUID, String> errors) {
    }
}

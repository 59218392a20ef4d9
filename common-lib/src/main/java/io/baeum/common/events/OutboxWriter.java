package io.baeum.common.events;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * Records a domain event in the {@code outbox_event} table in the <em>caller's</em> R2DBC
 * transaction, so the event exists if and only if the change that caused it was committed.
 * {@link OutboxRelay} sends it later. Call it inside the transaction that makes the change
 * ({@code TransactionalOperator} or {@code @Transactional}).
 */
public final class OutboxWriter {

    private final DatabaseClient database;
    private final DomainEventCodec codec;

    public OutboxWriter(DatabaseClient database, DomainEventCodec codec) {
        this.database = database;
        this.codec = codec;
    }

    /**
     * @param destination the SQS queue name of the consumer, e.g. {@code learning-events}
     * @param event       the event; its id must be a UUID (it becomes the row's key)
     */
    public Mono<Void> append(String destination, DomainEvent event) {
        return database.sql("INSERT INTO outbox_event (id, destination, type, payload) "
                        + "VALUES (:id, :destination, :type, CAST(:payload AS jsonb))")
                .bind("id", UUID.fromString(event.id()))
                .bind("destination", destination)
                .bind("type", event.type())
                .bind("payload", codec.write(event))
                .then();
    }
}

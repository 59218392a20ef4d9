package io.baeum.common.events;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * A domain event in the CloudEvents 1.0 JSON shape — the body of every SQS message between services
 * except progress batches (which use the binary progress envelope).
 *
 * @param specversion     always {@value #SPEC_VERSION}
 * @param id              unique per event; consumers deduplicate on it (inbox)
 * @param type            past-tense, dotted, versioned, e.g. {@code io.baeum.auth.SessionRevoked.v1}
 * @param source          the producing service, e.g. {@code /auth-service}
 * @param subject         what the event is about, e.g. the account or enrollment id
 * @param time            when it happened (producer's clock)
 * @param datacontenttype always {@code application/json}
 * @param data            the event's payload
 */
public record DomainEvent(
        String specversion,
        String id,
        String type,
        URI source,
        @Nullable String subject,
        Instant time,
        String datacontenttype,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public DomainEvent {
        Objects.requireNonNull(specversion, "specversion");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(datacontenttype, "datacontenttype");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a random UUID id and the clock's current time. */
    public static DomainEvent of(String type, URI source, @Nullable String subject, JsonNode data, Clock clock) {
        return new DomainEvent(SPEC_VERSION, UUID.randomUUID().toString(), type, source, subject, clock.instant(),
                JSON, data);
    }
}

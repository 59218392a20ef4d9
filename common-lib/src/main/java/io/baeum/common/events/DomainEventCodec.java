package io.baeum.common.events;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads {@link DomainEvent}s as CloudEvents JSON, and converts their {@code data} to and
 * from the producer's and consumer's own records (which stay in their services).
 */
public final class DomainEventCodec {

    private final JsonMapper json;

    public DomainEventCodec(JsonMapper json) {
        this.json = json;
    }

    /** An event carrying {@code data} converted to JSON. */
    public DomainEvent create(String type, URI source, @Nullable String subject, Object data, Clock clock) {
        return DomainEvent.of(type, source, subject, json.valueToTree(data), clock);
    }

    public String write(DomainEvent event) {
        ObjectNode node = json.createObjectNode();
        node.put("specversion", event.specversion());
        node.put("id", event.id());
        node.put("type", event.type());
        node.put("source", event.source().toString());
        if (event.subject() != null) {
            node.put("subject", event.subject());
        }
        node.put("time", event.time().toString());
        node.put("datacontenttype", event.datacontenttype());
        node.set("data", event.data());
        return json.writeValueAsString(node);
    }

    /**
     * Reads a message body.
     *
     * @throws MalformedEventException when it is not a CloudEvents 1.0 JSON event with the required attributes
     */
    public DomainEvent read(String body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON", e);
        }
        if (node == null || !node.isObject()) {
            throw new MalformedEventException("not a JSON object", null);
        }
        String specversion = required(node, "specversion");
        if (!DomainEvent.SPEC_VERSION.equals(specversion)) {
            throw new MalformedEventException("unsupported specversion " + specversion, null);
        }
        try {
            JsonNode subject = node.get("subject");
            JsonNode contentType = node.get("datacontenttype");
            return new DomainEvent(specversion, required(node, "id"), required(node, "type"),
                    URI.create(required(node, "source")),
                    subject == null || subject.isNull() ? null : subject.asString(),
                    Instant.parse(required(node, "time")),
                    contentType == null ? DomainEvent.JSON : contentType.asString(),
                    node.has("data") ? node.get("data") : json.nullNode());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException("invalid attribute: " + e.getMessage(), e);
        }
    }

    /** The event's data as the consumer's record type. */
    public <T> T data(DomainEvent event, Class<T> type) {
        try {
            return json.treeToValue(event.data(), type);
        } catch (JacksonException e) {
            throw new MalformedEventException("data of " + event.type() + " does not match " + type.getSimpleName(), e);
        }
    }

    private static String required(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isString() || value.asString().isBlank()) {
            throw new MalformedEventException("missing attribute " + name, null);
        }
        return value.asString();
    }
}

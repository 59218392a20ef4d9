package io.baeum.suite.clients;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** heartbeat-service's answer to one beat: what was credited or refused, the totals, the directives. */
public record Beat(JsonNode json) {

    public long creditedMillis() {
        return json.path("credited").path("millis").asLong();
    }

    public @Nullable String refusal() {
        JsonNode refusal = json.path("refusal");
        return refusal.isMissingNode() || refusal.isNull() ? null : refusal.asString();
    }

    public boolean completed() {
        return json.path("totals").path("completed").asBoolean();
    }

    public long studyMillis() {
        return json.path("totals").path("studyMillis").asLong();
    }

    public int progressPercent() {
        return json.path("totals").path("progressPercent").asInt();
    }

    public List<String> directiveTypes() {
        List<String> types = new ArrayList<>();
        json.path("directives").forEach(d -> types.add(d.path("type").asString()));
        return types;
    }

    /** The first directive of {@code type}, or a missing node. */
    public JsonNode directive(String type) {
        for (JsonNode d : json.path("directives")) {
            if (type.equals(d.path("type").asString())) {
                return d;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    @Override
    public String toString() {
        return json.toString();
    }
}

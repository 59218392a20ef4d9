package io.baeum.rag.testing;

import java.util.List;
import java.util.Map;

import org.springframework.http.codec.ServerSentEvent;

import tools.jackson.databind.json.JsonMapper;

/** The events of one answer, read from the stream (data kept as JSON text). */
public record AnswerStream(List<ServerSentEvent<String>> events) {

    private static final JsonMapper JSON = new JsonMapper();

    public List<String> names() {
        return events.stream().map(ServerSentEvent::event).toList();
    }

    public String text() {
        StringBuilder out = new StringBuilder();
        events.stream().filter(e -> "token".equals(e.event())).forEach(e -> out.append(map(e.data()).get("text")));
        return out.toString();
    }

    public Map<String, Object> done() {
        return map(events.stream().filter(e -> "done".equals(e.event())).findFirst().orElseThrow().data());
    }

    public Map<String, Object> refusal() {
        return map(events.stream().filter(e -> "refusal".equals(e.event())).findFirst().orElseThrow().data());
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> citations() {
        return events.stream().filter(e -> "citations".equals(e.event())).findFirst()
                .map(e -> (List<Map<String, Object>>) JSON.readValue(e.data(), List.class)).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        return JSON.readValue(json, Map.class);
    }
}

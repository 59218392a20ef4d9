package io.baeum.rag.index.embedding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.baeum.rag.index.Embedder;
import io.baeum.rag.text.Redactor;

/**
 * Any OpenAI-compatible {@code POST /v1/embeddings}: texts are redacted first (R3), vectors are asked
 * for in {@value Embedder#DIMENSIONS} dimensions, re-normalised and returned in input order.
 */
public final class OpenAiEmbedder implements Embedder {

    private final WebClient http;
    private final String model;
    private final Duration timeout;

    public OpenAiEmbedder(WebClient http, String model, Duration timeout) {
        this.http = http;
        this.model = model;
        this.timeout = timeout;
    }

    @Override
    public String model() {
        return "openai:" + model;
    }

    @Override
    public Mono<List<float[]>> embed(List<String> texts) {
        List<String> input = texts.stream().map(Redactor::redact).toList();
        return http.post().uri("/v1/embeddings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("model", model, "input", input, "dimensions", DIMENSIONS, "encoding_format", "float"))
                .retrieve().bodyToMono(JsonNode.class)
                .timeout(timeout)
                .map(body -> {
                    float[][] out = new float[texts.size()][];
                    for (JsonNode item : body.get("data")) {
                        int index = item.get("index").asInt();
                        JsonNode values = item.get("embedding");
                        if (values.size() != DIMENSIONS) {
                            throw new IllegalStateException("embedding has " + values.size() + " dimensions, not " + DIMENSIONS);
                        }
                        float[] v = new float[DIMENSIONS];
                        double norm = 0;
                        for (int i = 0; i < DIMENSIONS; i++) {
                            v[i] = (float) values.get(i).asDouble();
                            norm += v[i] * v[i];
                        }
                        float inverse = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
                        for (int i = 0; i < DIMENSIONS; i++) {
                            v[i] *= inverse;
                        }
                        out[index] = v;
                    }
                    List<float[]> list = new ArrayList<>();
                    for (float[] v : out) {
                        if (v == null) {
                            throw new IllegalStateException("the embeddings response lacks an input");
                        }
                        list.add(v);
                    }
                    return list;
                });
    }
}

package io.baeum.suite.fuzz;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Our schema-driven fuzzer (issue 12). It reads OpenAPI documents and, for every operation and every
 * caller (no token, then each role's token), sends one valid request and mutated ones: missing, null and
 * ill-typed fields, strings over their maxLength, numbers outside their bounds, values outside their enum,
 * control characters, unicode, deep nesting, a huge body, malformed JSON, and path and query tricks
 * ({@code ../}, {@code %2F}, {@code %00}, a 5 KB query, repeated parameters). Each answer is checked:
 * <ul>
 *   <li>{@code SERVER_ERROR}: any 5xx (503 with Retry-After from a dependency that is down aside: none expected)</li>
 *   <li>{@code ACCEPTED_INVALID}: a 2xx for a body the schema (or docs/api.md's text rule) forbids</li>
 *   <li>{@code NOT_ENVELOPE}: an error without the {@code ApiResponse} envelope, its code or the X-Request-Id</li>
 *   <li>{@code SLOW}: an answer later than {@link #SLOW}</li>
 * </ul>
 * It grows with the API: new operations are covered because it reads the documents.
 */
public final class OpenApiFuzzer {

    static final Duration SLOW = Duration.ofSeconds(5);
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Kinds of answer the fuzzer reports. */
    public enum FindingKind { SERVER_ERROR, ACCEPTED_INVALID, NOT_ENVELOPE, SLOW, NO_ANSWER }

    public record Finding(FindingKind kind, String operation, String caller, String mutation, int status, String detail) {
        @Override
        public String toString() {
            return kind + " " + operation + " as " + caller + " [" + mutation + "] -> " + status + " " + detail;
        }
    }

    /** One OpenAPI document and where its operations are called. */
    public record Target(String service, JsonNode document, URI baseUrl) {
    }

    /** What a run did and found. */
    public record Report(int operations, int requests, Map<String, Integer> mutations, Map<Integer, Integer> statuses,
                         List<Finding> findings, List<String> skipped, Duration took) {
        public String text() {
            StringBuilder out = new StringBuilder();
            out.append(String.format("fuzz: %d operations, %d requests in %d s, %d finding(s)%n", operations, requests,
                    took.toSeconds(), findings.size()));
            out.append("  mutation classes: ").append(mutations).append('\n');
            out.append("  statuses: ").append(statuses).append('\n');
            if (!skipped.isEmpty()) {
                out.append("  not called (destructive for the shared suite): ").append(skipped).append('\n');
            }
            findings.stream().limit(50).forEach(f -> out.append("  FINDING ").append(f).append('\n'));
            return out.toString();
        }
    }

    /** A request the fuzzer sends, and whether the schema forbids it. */
    record Probe(String mutation, String method, String path, @Nullable String contentType, byte @Nullable [] body,
                 boolean invalid) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> callers;   // name -> bearer token ("" = none)
    private final Duration budget;
    private final List<Pattern> skip;
    private final Random random = new Random(12);

    /**
     * @param callers caller name to bearer token, in order; an empty token sends no Authorization header
     * @param budget  the whole run stops starting new operations after this
     * @param skip    operations ("METHOD path" patterns) never called: they would end the callers' sessions or
     *                change what other suite tests rely on
     */
    public OpenApiFuzzer(Map<String, String> callers, Duration budget, List<Pattern> skip) {
        this.callers = callers;
        this.budget = budget;
        this.skip = skip;
    }

    public Report run(List<Target> targets) {
        long started = System.nanoTime();
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> mutations = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        AtomicInteger requests = new AtomicInteger();
        int operations = 0;
        for (Target target : targets) {
            warmUp(target);
            JsonNode paths = target.document().path("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                    String method = op.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    String name = method + " " + path.getKey();
                    if (skip.stream().anyMatch(p -> p.matcher(name).matches())) {
                        skipped.add(name);
                        continue;
                    }
                    if (Duration.ofNanos(System.nanoTime() - started).compareTo(budget) > 0) {
                        skipped.add(name + " (time budget)");
                        continue;
                    }
                    operations++;
                    List<Probe> probes = probes(target.document(), method, path.getKey(), op.getValue());
                    for (Map.Entry<String, String> caller : callers.entrySet()) {
                        for (Probe probe : probes) {
                            mutations.merge(probe.mutation(), 1, Integer::sum);
                            requests.incrementAndGet();
                            Finding finding = send(target, name, caller, probe, statuses);
                            if (finding != null) {
                                findings.add(finding);
                            }
                        }
                    }
                }
            }
        }
        return new Report(operations, requests.get(), mutations, statuses, findings, skipped,
                Duration.ofNanos(System.nanoTime() - started));
    }

    // ---------------------------------------------------------------- sending and checking

    /** One untimed request first: the client's (and a cold server's) first-call costs are not the API's latency. */
    private void warmUp(Target target) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(target.baseUrl() + "/v3/api-docs")).timeout(Duration.ofSeconds(15))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (Exception ignored) {
            // the timed requests will say what is wrong
        }
    }

    private @Nullable Finding send(Target target, String operation, Map.Entry<String, String> caller, Probe probe,
                                   Map<Integer, Integer> statuses) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(target.baseUrl() + probe.path()))
                    .timeout(Duration.ofSeconds(15)).header("Accept", "application/json");
        } catch (IllegalArgumentException unsendable) {
            return null;   // java.net.URI refuses it: no client library would send it either
        }
        if (!caller.getValue().isEmpty()) {
            request.header("Authorization", "Bearer " + caller.getValue());
        }
        if (probe.contentType() != null) {
            request.header("Content-Type", probe.contentType());
        }
        request.method(probe.method(), probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        long sent = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            return new Finding(FindingKind.NO_ANSWER, operation, caller.getKey(), probe.mutation(), 0, e.toString());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - sent);
        statuses.merge(response.statusCode(), 1, Integer::sum);
        return check(operation, caller.getKey(), probe, response.statusCode(),
                response.headers().firstValue("X-Request-Id").orElse(null), response.body(), took);
    }

    /** The verdict on one answer; null when it is fine. */
    static @Nullable Finding check(String operation, String caller, Probe probe, int status, @Nullable String requestId,
                                   String body, Duration took) {
        if (status >= 500) {
            return new Finding(FindingKind.SERVER_ERROR, operation, caller, probe.mutation(), status, abbreviate(body));
        }
        if (took.compareTo(SLOW) > 0) {
            return new Finding(FindingKind.SLOW, operation, caller, probe.mutation(), status, took.toMillis() + " ms");
        }
        if (status >= 200 && status < 300 && probe.invalid()) {
            return new Finding(FindingKind.ACCEPTED_INVALID, operation, caller, probe.mutation(), status, abbreviate(body));
        }
        if (status >= 400) {
            JsonNode envelope;
            try {
                envelope = JSON.readTree(body);
            } catch (RuntimeException notJson) {
                envelope = null;
            }
            if (envelope == null || !envelope.path("success").isBoolean() || envelope.path("success").asBoolean()
                    || !envelope.path("error").path("code").isString() || requestId == null || requestId.isBlank()) {
                return new Finding(FindingKind.NOT_ENVELOPE, operation, caller, probe.mutation(), status,
                        "X-Request-Id=" + requestId + " body=" + abbreviate(body));
            }
        }
        return null;
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    // ---------------------------------------------------------------- generating requests

    List<Probe> probes(JsonNode doc, String method, String template, JsonNode op) {
        List<Probe> probes = new ArrayList<>();
        Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        for (JsonNode param : op.path("parameters")) {
            JsonNode p = resolve(doc, param);
            ("path".equals(p.path("in").asString()) ? pathParams : "query".equals(p.path("in").asString())
                    ? queryParams : new LinkedHashMap<String, JsonNode>()).put(p.path("name").asString(), p);
        }
        String path = fillPath(template, pathParams, name -> valueText(doc, pathParams.get(name).path("schema")));
        String query = validQuery(doc, queryParams);
        String valid = path + query;

        JsonNode requestBody = resolve(doc, op.path("requestBody"));
        JsonNode content = requestBody.path("content");
        String json = content.has("application/json") ? "application/json" : null;
        String form = content.has("application/x-www-form-urlencoded") ? "application/x-www-form-urlencoded" : null;
        boolean multipart = content.has("multipart/form-data");

        if (json != null) {
            JsonNode schema = resolve(doc, content.path(json).path("schema"));
            JsonNode body = example(doc, schema, 0);
            probes.add(new Probe("valid", method, valid, json, bytes(body), false));
            bodyMutations(doc, schema, body, method, valid, requestBody.path("required").asBoolean(false), probes);
        } else if (form != null) {
            JsonNode schema = resolve(doc, content.path(form).path("schema"));
            JsonNode body = example(doc, schema, 0);
            probes.add(new Probe("valid", method, valid, form, formBody(body).getBytes(StandardCharsets.UTF_8), false));
            probes.add(new Probe("form-bad-escape", method, valid, form,
                    "grant_type=client_credentials&client_id=%E0%A4%A&client_secret=%zz".getBytes(StandardCharsets.UTF_8),
                    true));
            probes.add(new Probe("form-control-char", method, valid, form,
                    "grant_type=client_credentials&client_id=a%00b&client_secret=x".getBytes(StandardCharsets.UTF_8), true));
        } else if (multipart) {
            String truncated = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.xlsx\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\nPK\u0003\u0004";
            probes.add(new Probe("multipart-truncated", method, valid, "multipart/form-data; boundary=XyZ",
                    truncated.getBytes(StandardCharsets.ISO_8859_1), true));
        } else {
            probes.add(new Probe("valid", method, valid, null, null, false));
        }

        // path tricks: every path variable in turn
        for (String name : pathParams.keySet()) {
            for (Map.Entry<String, String> trick : Map.of("path-dotdot", "..%2F..%2Factuator", "path-encoded-slash",
                    "a%2Fb", "path-nul", "a%00b", "path-unicode", "%ED%99%8D%EA%B8%B8%EB%8F%99%F0%9F%8E%93",
                    "path-huge", "x".repeat(3000), "path-negative", "-1").entrySet()) {
                String tricked = fillPath(template, pathParams, n -> n.equals(name) ? trick.getValue()
                        : valueText(doc, pathParams.get(n).path("schema")));
                probes.add(new Probe(trick.getKey(), method, tricked + query, json, json == null ? null : bytes(
                        example(doc, resolve(doc, content.path(json).path("schema")), 0)), false));
            }
        }
        // query tricks: control characters, wrong types, bounds, repetition, a 5 KB query
        for (Map.Entry<String, JsonNode> param : queryParams.entrySet()) {
            String name = enc(param.getKey());
            JsonNode schema = resolve(doc, param.getValue().path("schema"));
            probes.add(new Probe("query-nul", method, path + "?" + name + "=a%00b", null, null, false));
            probes.add(new Probe("query-repeated", method,
                    path + "?" + (name + "=1&").repeat(60) + name + "=2", null, null, false));
            if (schema.path("type").asString("").matches("integer|number")) {
                probes.add(new Probe("query-wrong-type", method, path + "?" + name + "=abc", null, null, false));
                probes.add(new Probe("query-negative", method, path + "?" + name + "=-1", null, null, false));
                probes.add(new Probe("query-overflow", method, path + "?" + name + "=99999999999999999999", null, null,
                        false));
            } else {
                probes.add(new Probe("query-huge", method, path + "?" + name + "=" + "q".repeat(1_000), null, null,
                        false));
            }
        }
        probes.add(new Probe("query-5kb", method, path + "?q=" + "a".repeat(5_000), null, null, false));
        return probes;
    }

    private void bodyMutations(JsonNode doc, JsonNode schema, JsonNode valid, String method, String path,
                               boolean bodyRequired, List<Probe> out) {
        String json = "application/json";
        out.add(new Probe("body-malformed", method, path, json, "{\"a\":".getBytes(StandardCharsets.UTF_8), true));
        out.add(new Probe("body-missing", method, path, json, new byte[0], bodyRequired));
        out.add(new Probe("body-wrong-shape", method, path, json, "[1,2,3]".getBytes(StandardCharsets.UTF_8),
                "object".equals(type(schema))));
        out.add(new Probe("body-deep-nesting", method, path, json,
                ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8), true));
        out.add(new Probe("body-huge", method, path, json,
                ("{\"x\":\"" + "가".repeat(400_000) + "\"}").getBytes(StandardCharsets.UTF_8), true));
        if (!(valid instanceof ObjectNode object)) {
            return;
        }
        JsonNode properties = schema.path("properties");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            String name = property.getKey();
            JsonNode ps = resolve(doc, property.getValue());
            String type = type(ps);
            boolean req = required.contains(name);
            if (req) {
                ObjectNode missing = object.deepCopy();
                missing.remove(name);
                out.add(new Probe("field-missing", method, path, json, bytes(missing), true));
                ObjectNode nulled = object.deepCopy();
                nulled.putNull(name);
                out.add(new Probe("field-null", method, path, json, bytes(nulled), true));
            }
            ObjectNode wrong = object.deepCopy();
            switch (type) {
                case "string" -> wrong.put(name, 12345);
                case "integer" -> wrong.put(name, 1.5);
                case "number", "boolean" -> wrong.put(name, "12");
                case "array" -> wrong.put(name, "not-a-list");
                default -> wrong.put(name, 7);
            }
            out.add(new Probe("field-wrong-type", method, path, json, bytes(wrong), !type.isEmpty()));
            if ("integer".equals(type)) {
                ObjectNode fraction = object.deepCopy();
                fraction.put(name, 1.5);
                out.add(new Probe("field-fraction", method, path, json, bytes(fraction), true));
            }
            if ("string".equals(type)) {
                ObjectNode nul = object.deepCopy();
                nul.put(name, "a\u0000b");
                out.add(new Probe("field-control-char", method, path, json, bytes(nul), true));
                ObjectNode unicode = object.deepCopy();
                unicode.put(name, "홍길동 🎓 \u202Eabc");
                out.add(new Probe("field-unicode", method, path, json, bytes(unicode), false));
                if (ps.has("maxLength")) {
                    ObjectNode tooLong = object.deepCopy();
                    tooLong.put(name, "가".repeat(ps.path("maxLength").asInt() + 1));
                    out.add(new Probe("field-too-long", method, path, json, bytes(tooLong), true));
                }
                if (ps.has("enum")) {
                    ObjectNode notInEnum = object.deepCopy();
                    notInEnum.put(name, "NOT_A_VALUE");
                    out.add(new Probe("field-not-in-enum", method, path, json, bytes(notInEnum), true));
                }
                if ("uuid".equals(ps.path("format").asString())) {
                    ObjectNode notUuid = object.deepCopy();
                    notUuid.put(name, "홍길동");
                    out.add(new Probe("field-bad-format", method, path, json, bytes(notUuid), true));
                }
                if (ps.has("pattern")) {
                    ObjectNode notMatching = object.deepCopy();
                    notMatching.put(name, "🎓");
                    out.add(new Probe("field-bad-pattern", method, path, json, bytes(notMatching),
                            !Pattern.compile(ps.path("pattern").asString()).matcher("🎓").find()));
                }
            }
            if (("integer".equals(type) || "number".equals(type)) && ps.has("maximum")) {
                ObjectNode above = object.deepCopy();
                above.put(name, ps.path("maximum").asLong() + 1);
                out.add(new Probe("field-above-maximum", method, path, json, bytes(above), true));
            }
            if (("integer".equals(type) || "number".equals(type)) && ps.has("minimum")) {
                ObjectNode below = object.deepCopy();
                below.put(name, ps.path("minimum").asLong() - 1);
                out.add(new Probe("field-below-minimum", method, path, json, bytes(below), true));
            }
        }
    }

    /** A value the schema accepts (as far as a schema can say). */
    JsonNode example(JsonNode doc, JsonNode rawSchema, int depth) {
        JsonNode schema = resolve(doc, rawSchema);
        if (schema.has("allOf")) {
            ObjectNode merged = NODES.objectNode();
            for (JsonNode part : schema.path("allOf")) {
                JsonNode value = example(doc, part, depth + 1);
                if (value instanceof ObjectNode o) {
                    merged.setAll(o);
                }
            }
            return merged;
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return example(doc, schema.has("oneOf") ? schema.path("oneOf").path(0) : schema.path("anyOf").path(0), depth + 1);
        }
        if (schema.has("example") && depth > 0) {
            return schema.path("example");
        }
        if (schema.has("enum")) {
            return schema.path("enum").path(0);
        }
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                        object.set(p.getKey(), example(doc, p.getValue(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    array.add(example(doc, schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long min = schema.has("minimum") ? schema.path("minimum").asLong() : 1;
                return NODES.numberNode(Math.max(min, schema.has("maximum") ? Math.min(1, schema.path("maximum").asLong()) : 1));
            }
            case "number" -> {
                return NODES.numberNode(schema.has("minimum") ? schema.path("minimum").asDouble() : 1);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.stringNode(text(schema));
            }
        }
    }

    private String text(JsonNode schema) {
        String format = schema.path("format").asString("");
        String value = switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date" -> "2026-12-24";
            case "date-time" -> "2026-12-24T09:00:00Z";
            case "email" -> "fuzz-" + Integer.toString(random.nextInt(1_000_000), 36) + "@example.com";
            case "uri", "url" -> "https://example.com/terms";
            default -> "퍼즈 fuzz";
        };
        if (schema.has("pattern")) {
            Pattern pattern = Pattern.compile(schema.path("pattern").asString());
            for (String candidate : List.of(value, UUID.randomUUID().toString(), "010-1234-5678", "01012345678", "abc",
                    "ABC_1", "1", "2026-12-24", "it", "ko")) {
                if (pattern.matcher(candidate).matches()) {
                    return candidate;
                }
            }
        }
        int min = schema.path("minLength").asInt(0);
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        StringBuilder out = new StringBuilder(value);
        while (out.length() < min) {
            out.append('x');
        }
        return out.length() > max ? out.substring(0, Math.max(max, min)) : out.toString();
    }

    private String fillPath(String template, Map<String, JsonNode> params, Function<String, String> value) {
        String path = template;
        for (String name : params.keySet()) {
            path = path.replace("{" + name + "}", value.apply(name));
        }
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private String valueText(JsonNode doc, JsonNode schema) {
        JsonNode value = example(doc, schema, 1);
        return enc(value.isString() ? value.asString() : value.toString());
    }

    private String validQuery(JsonNode doc, Map<String, JsonNode> params) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> p : params.entrySet()) {
            if (p.getValue().path("required").asBoolean(false)) {
                parts.add(enc(p.getKey()) + "=" + valueText(doc, p.getValue().path("schema")));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String formBody(JsonNode body) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            parts.add(enc(field.getKey()) + "=" + enc(field.getValue().isString() ? field.getValue().asString()
                    : field.getValue().toString()));
        }
        return String.join("&", parts);
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (Iterator<JsonNode> it = type.iterator(); it.hasNext(); ) {
                String t = it.next().asString();
                if (!"null".equals(t)) {
                    return t;
                }
            }
            return "";
        }
        if (type.isString()) {
            return type.asString();
        }
        return schema.has("properties") ? "object" : "";
    }

    static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asString();
            JsonNode target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            current = target;
        }
        return current;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(JsonNode node) {
        return JSON.writeValueAsBytes(node);
    }
}

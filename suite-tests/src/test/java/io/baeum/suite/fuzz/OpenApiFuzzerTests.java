package io.baeum.suite.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;

/** The fuzzer can fail: against deliberately broken stub endpoints it reports each class of finding. */
class OpenApiFuzzerTests {

    static final String DOCUMENT = """
            {"openapi":"3.1.0","paths":{
              "/things":{"post":{"requestBody":{"required":true,"content":{"application/json":{"schema":
                {"$ref":"#/components/schemas/NewThing"}}}}}},
              "/things/{id}":{"get":{"parameters":[{"name":"id","in":"path","required":true,
                "schema":{"type":"string","format":"uuid"}}]}}},
             "components":{"schemas":{"NewThing":{"type":"object","required":["name"],"properties":{
               "name":{"type":"string","maxLength":10},"count":{"type":"integer","minimum":0,"maximum":5}}}}}}
            """;

    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aStubThatAcceptsEverythingFailsOnBrokenPathsAndAnswersPlainErrorsIsReported() throws IOException {
        server = stub(exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.contains("%00")) {
                answer(exchange, 500, "text/plain", "boom");
            } else if (path.startsWith("/things/")) {
                answer(exchange, 404, "text/plain", "no");   // an error outside the envelope, no X-Request-Id
            } else if (body.length > 0 && body[0] == '[') {
                answer(exchange, 500, "application/json", "{\"success\":false}");
            } else {
                answer(exchange, 201, "application/json", "{\"success\":true,\"data\":{}}");   // accepts anything
            }
        });
        OpenApiFuzzer.Report report = fuzz();

        assertThat(report.operations()).isEqualTo(2);
        assertThat(report.findings()).extracting(OpenApiFuzzer.Finding::kind)
                .contains(OpenApiFuzzer.FindingKind.SERVER_ERROR, OpenApiFuzzer.FindingKind.ACCEPTED_INVALID,
                        OpenApiFuzzer.FindingKind.NOT_ENVELOPE);
        assertThat(report.findings()).anyMatch(f -> f.kind() == OpenApiFuzzer.FindingKind.ACCEPTED_INVALID
                && f.mutation().equals("field-wrong-type"));
        assertThat(report.findings()).anyMatch(f -> f.kind() == OpenApiFuzzer.FindingKind.ACCEPTED_INVALID
                && f.mutation().equals("field-too-long"));
        assertThat(report.findings()).anyMatch(f -> f.mutation().equals("field-above-maximum"));
        assertThat(report.text()).contains("2 operations").contains("FINDING");
    }

    @Test
    void aStubThatRefusesInvalidInputInTheEnvelopeHasNoFindings() throws IOException {
        server = stub(exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("X-Request-Id", "req-12345678");
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/things") && isValidThing(body)) {
                answer(exchange, 201, "application/json", "{\"success\":true,\"data\":{}}");
            } else {
                answer(exchange, 400, "application/json",
                        "{\"success\":false,\"data\":null,\"error\":{\"code\":\"VALIDATION_FAILED\"},\"metadata\":{}}");
            }
        });
        OpenApiFuzzer.Report report = fuzz();

        assertThat(report.findings()).as(report.text()).isEmpty();
        assertThat(report.requests()).isGreaterThan(20);
    }

    @Test
    void aSlowAnswerIsAFinding() {
        OpenApiFuzzer.Probe probe = new OpenApiFuzzer.Probe("valid", "GET", "/x", null, null, false);
        assertThat(OpenApiFuzzer.check("GET /x", "none", probe, 200, "id-12345678", "{}", Duration.ofSeconds(6)))
                .extracting(OpenApiFuzzer.Finding::kind).isEqualTo(OpenApiFuzzer.FindingKind.SLOW);
        assertThat(OpenApiFuzzer.check("GET /x", "none", probe, 200, "id-12345678", "{}", Duration.ofMillis(30))).isNull();
    }

    private OpenApiFuzzer.Report fuzz() {
        JsonNode document = OpenApiFuzzer.JSON.readTree(DOCUMENT);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("none", "");
        return new OpenApiFuzzer(callers, Duration.ofSeconds(60), List.of()).run(List.of(new OpenApiFuzzer.Target(
                "stub", document, URI.create("http://127.0.0.1:" + server.getAddress().getPort()))));
    }

    /** The stub's own strict validation of NewThing. */
    private static boolean isValidThing(byte[] body) {
        try {
            JsonNode thing = OpenApiFuzzer.JSON.readTree(body);
            JsonNode name = thing.path("name");
            JsonNode count = thing.path("count");
            return thing.isObject() && name.isString() && name.asString().length() <= 10
                    && name.asString().chars().noneMatch(c -> c < 0x20)
                    && (count.isMissingNode() || count.isIntegralNumber() && count.asInt() >= 0 && count.asInt() <= 5);
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static HttpServer stub(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}

package io.baeum.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hardening rules common-lib gives every service (issue 12), against a real Netty server with Spring
 * Security's firewall in front: strict JSON binding, control characters in bodies, query strings, forms and
 * paths, method-parameter validation, malformed form and multipart bodies, and requests Netty's HTTP decoder
 * refuses. Every refusal is a 4xx in the envelope with a request id, and no handler runs.
 */
@SpringBootTest(classes = RequestRobustnessWebFluxTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.netty.max-initial-line-length=4KB", "server.max-http-request-header-size=8KB",
                "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration"})
@AutoConfigureWebTestClient
class RequestRobustnessWebFluxTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @BeforeEach
    void reset() {
        ProbeController.WRITES.set(0);
    }

    @Test
    void aNumberForATextFieldIsAnInvalidFieldTypeNotAString() {
        postCourse("{\"title\":12345,\"price\":1000,\"version\":1}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("INVALID_FIELD_TYPE")
                .jsonPath("$.error.fieldErrors[0].field").isEqualTo("title");
        assertThat(ProbeController.WRITES).hasValue(0);
    }

    @Test
    void aFractionForAnIntegerFieldIsRefusedNotTruncated() {
        postCourse("{\"title\":\"안전교육\",\"price\":1.5,\"version\":1}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("INVALID_FIELD_TYPE")
                .jsonPath("$.error.fieldErrors[0].field").isEqualTo("price");
        postCourse("{\"title\":\"안전교육\",\"price\":1000,\"version\":1.5}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.fieldErrors[0].field").isEqualTo("version");
        assertThat(ProbeController.WRITES).hasValue(0);
    }

    @Test
    void stringsBooleansAndNullsAreNotNumbersAndNumbersAreNotEnumsOrBooleans() {
        for (String body : List.of(
                "{\"title\":\"t\",\"price\":\"1000\",\"version\":1}",
                "{\"title\":\"t\",\"price\":true,\"version\":1}",
                "{\"title\":\"t\",\"price\":null,\"version\":1}",
                "{\"title\":\"t\",\"price\":1000,\"version\":1,\"level\":0}",
                "{\"title\":\"t\",\"price\":1000,\"version\":1,\"published\":1}",
                "{\"title\":true,\"price\":1000,\"version\":1}")) {
            postCourse(body).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_FIELD_TYPE");
        }
        assertThat(ProbeController.WRITES).hasValue(0);
    }

    @Test
    void unknownFieldsAreIgnoredByTheOneDocumentedRule() {
        postCourse("{\"title\":\"t\",\"price\":1000,\"version\":1,\"color\":\"blue\"}").expectStatus().isOk();
        assertThat(ProbeController.WRITES).hasValue(1);
    }

    @Test
    void aNulOrOtherControlCharacterInABodyFieldIsAFieldErrorBeforeAnyHandler() {
        for (String title : List.of("a\\u0000b", "a\\u0007b", "a\\u001bb", "\\u0085", "a\\ud800b")) {
            postCourse("{\"title\":\"" + title + "\",\"price\":1000,\"version\":1}")
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.error.fieldErrors[0].field").isEqualTo("title")
                    .jsonPath("$.error.fieldErrors[0].code").isEqualTo("NoControlCharacters")
                    .jsonPath("$.error.fieldErrors[0].message").isEqualTo("must not contain control characters");
        }
        postCourse("{\"title\":\"t\",\"price\":1000,\"version\":1,\"tags\":[\"ok\",\"bad\\u0000\"]}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.fieldErrors[0].field").isEqualTo("tags[1]");
        assertThat(ProbeController.WRITES).hasValue(0);
    }

    @Test
    void aMultiLineFieldMayHoldTabsAndLineBreaksAndUnicode() {
        postCourse("{\"title\":\"1차시\\n\\t안전 🦺\\r\\n끝\",\"price\":1000,\"version\":1}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.title").isEqualTo("1차시\n\t안전 🦺\r\n끝");
    }

    @Test
    void aNulInAQueryParameterIsAFieldErrorNamingTheParameter() throws IOException {
        RawResponse response = raw("GET /courses?q=%EC%95%88%00&page=0 HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.path("fieldErrors").path(0).path("field").asString()).isEqualTo("q");
        assertThat(error.path("fieldErrors").path(0).path("code").asString()).isEqualTo("NoControlCharacters");
        assertThat(response.header(RequestIds.HEADER)).isNotBlank();
        assertThat(ProbeController.WRITES).hasValue(0);
    }

    @Test
    void aQueryWithAMalformedPercentEscapeIsAMalformedRequestInTheEnvelope() throws IOException {
        RawResponse response = raw("GET /courses?q=%E0%A4%A HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header(RequestIds.HEADER)).isNotBlank();
        assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void negativeOrOverLongMethodParametersOfAValidatedControllerAreFieldErrors() {
        web.get().uri("/courses?page=-1").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.error.fieldErrors[0].field").isEqualTo("page")
                .jsonPath("$.error.fieldErrors[0].code").isEqualTo("Min");
        web.get().uri("/courses?size=-1").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.fieldErrors[0].field").isEqualTo("size");
        web.get().uri("/courses?phone=010-1234-5678&phone=010-9999-8888&phone=010-0000-0000").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.fieldErrors[0].field").isEqualTo("phone");
        web.get().uri("/courses?phone=" + "1".repeat(500)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.fieldErrors[0].code").isEqualTo("Size");
        assertThat(ProbeController.WRITES).hasValue(0);
    }

    @Test
    void aFormBodyWithAMalformedPercentEscapeIsAMalformedBody() {
        web.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials&client_secret=%E0%A4%A")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("MALFORMED_BODY");
        web.post().uri("/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials&client_id=svc")
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void aMultipartBodyWithoutItsClosingBoundaryIsAMalformedBody() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nemail,name\r\na@b.kr,홍길동\r\n";
        web.post().uri("/import").contentType(MediaType.parseMediaType("multipart/form-data; boundary=XyZ"))
                .bodyValue(body.getBytes(StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.success").isEqualTo(false);
        assertThat(ProbeController.WRITES).hasValue(0);
    }

    @Test
    void malformedPathsAreAnsweredInTheEnvelopeWithARequestId() throws IOException {
        for (String path : List.of("/courses/a%2Fb", "/courses/../admin", "/courses/a%00b", "/courses/%2e%2e/x")) {
            RawResponse response = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.header(RequestIds.HEADER)).as(path).isNotBlank();
            JsonNode envelope = JSON.readTree(response.body());
            assertThat(envelope.path("success").asBoolean(true)).as(path).isFalse();
            assertThat(envelope.path("error").path("code").asString()).as(path)
                    .isIn("MALFORMED_PATH", "VALIDATION_FAILED");
        }
    }

    @Test
    void aRequestLineOverTheLimitIsA414InTheEnvelopeWithARequestId() throws IOException {
        RawResponse response = raw("GET /courses?q=" + "a".repeat(5_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(response.status()).isEqualTo(414);
        assertThat(response.header(RequestIds.HEADER)).isNotBlank();
        JsonNode envelope = JSON.readTree(response.body());
        assertThat(envelope.path("error").path("code").asString()).isEqualTo("URI_TOO_LONG");
        assertThat(envelope.path("metadata").path("requestId").asString()).isEqualTo(response.header(RequestIds.HEADER));
    }

    @Test
    void headersOverTheLimitAreA431InTheEnvelope() throws IOException {
        RawResponse response = raw("GET /courses HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(10_000)
                + "\r\n\r\n");
        assertThat(response.status()).isEqualTo(431);
        assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).isEqualTo("HEADERS_TOO_LARGE");
    }

    @Test
    void garbageInsteadOfARequestLineIsA400InTheEnvelope() throws IOException {
        RawResponse response = raw("GET /courses HTTP/1.1\r\nHost: localhost\r\nBad Header Name: x\r\n\r\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header(RequestIds.HEADER)).isNotBlank();
        assertThat(JSON.readTree(response.body()).path("error").path("code").asString()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void aValidRequestStillWorksOnTheSameServer() {
        web.get().uri("/courses?q=안전&page=0&size=10").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data").isEqualTo("안전");
    }

    private WebTestClient.ResponseSpec postCourse(String json) {
        return web.post().uri("/courses").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            String text;
            while (true) {
                n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                bytes.write(buffer, 0, n);
                text = bytes.toString(StandardCharsets.UTF_8);
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0) {
                    int length = contentLength(text.substring(0, end));
                    if (length >= 0 && bytes.size() >= end + 4 + length) {
                        break;
                    }
                }
            }
            return RawResponse.parse(bytes.toString(StandardCharsets.UTF_8));
        }
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return -1;
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
        static RawResponse parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
        }

        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    enum Level { BASIC, ADVANCED }

    record NewCourse(@NotBlank @Size(max = 200) String title, int price, int version, Level level,
                     Boolean published, List<String> tags) {
    }

    @RestController
    @Validated
    static class ProbeController {
        // a static counter: @Validated makes the controller a proxy
        static final AtomicInteger WRITES = new AtomicInteger();

        @PostMapping("/courses")
        Mono<ApiResponse<NewCourse>> create(@Valid @RequestBody NewCourse course) {
            WRITES.incrementAndGet();
            return Mono.just(ApiResponse.ok(course));
        }

        @GetMapping("/courses")
        Mono<ApiResponse<String>> search(@RequestParam(required = false) String q,
                                         @RequestParam(required = false) @Size(max = 20) String phone,
                                         @RequestParam(defaultValue = "0") @Min(0) int page,
                                         @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
            WRITES.incrementAndGet();
            return Mono.just(ApiResponse.ok(q));
        }

        @PostMapping(path = "/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
        Mono<ApiResponse<String>> token(ServerWebExchange exchange) {
            return exchange.getFormData().map(form -> ApiResponse.ok(form.getFirst("client_id")));
        }

        @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        Mono<ApiResponse<Integer>> importFile(@RequestPart("file") FilePart file) {
            return file.content().collectList().map(parts -> {
                WRITES.incrementAndGet();
                return ApiResponse.ok(parts.size());
            });
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(ProbeController.class)
    static class App {

        @Bean
        SecurityWebFilterChain permitAll(ServerHttpSecurity http) {
            return http.authorizeExchange(a -> a.anyExchange().permitAll()).csrf(ServerHttpSecurity.CsrfSpec::disable)
                    .build();
        }
    }
}

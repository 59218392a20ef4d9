package io.baeum.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@SpringBootTest(classes = ApiErrorWebExceptionHandlerWebFluxTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.http.codecs.max-in-memory-size=16KB",
                // this slice is about the error model: no database, no security filter chain
                "spring.autoconfigure.exclude=org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
                        + "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"})
@AutoConfigureWebTestClient
class ApiErrorWebExceptionHandlerWebFluxTests {

    @Autowired
    WebTestClient web;

    @Autowired
    LessonController controller;

    @BeforeEach
    void reset() {
        controller.writes.set(0);
    }

    @Test
    void whenRequestIsValidThenEnvelopeCarriesData() {
        web.post().uri("/lessons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "안전교육 1차시", "minutes", 30))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.title").isEqualTo("안전교육 1차시")
                .jsonPath("$.error").isEmpty();
        assertThat(controller.writes).hasValue(1);
    }

    @Test
    void whenFieldsAreInvalidThenValidationFailedListsEachFieldAndNothingIsWritten() {
        web.post().uri("/lessons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", " ", "minutes", 0))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.data").isEmpty()
                .jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.error.status").isEqualTo(400)
                .jsonPath("$.error.type").isEqualTo("about:blank")
                .jsonPath("$.error.instance").isEqualTo("/lessons")
                .jsonPath("$.error.fieldErrors.length()").isEqualTo(2)
                .jsonPath("$.error.fieldErrors[?(@.field == 'title')].code").isEqualTo("NotBlank")
                .jsonPath("$.error.fieldErrors[?(@.field == 'title')].message").isEqualTo("must not be blank")
                .jsonPath("$.error.fieldErrors[?(@.field == 'minutes')].message").isEqualTo("must be at least 1")
                .jsonPath("$.metadata.requestId").isNotEmpty();
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void whenClientPrefersKoreanThenMessagesAreKorean() {
        web.post().uri("/lessons").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9,en;q=0.5")
                .bodyValue(Map.of("title", "", "minutes", 5))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.title").isEqualTo("잘못된 요청")
                .jsonPath("$.error.fieldErrors[0].message").isEqualTo("비어 있을 수 없습니다");
    }

    @Test
    void whenBodyIsNotJsonThenMalformedJson() {
        web.post().uri("/lessons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"unterminated")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("MALFORMED_JSON");
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void whenFieldHasWrongTypeThenInvalidFieldTypeNamesTheField() {
        web.post().uri("/lessons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"ok\", \"minutes\": \"thirty\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("INVALID_FIELD_TYPE")
                .jsonPath("$.error.fieldErrors[0].field").isEqualTo("minutes");
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void whenBodyIsMissingThenMissingBody() {
        web.post().uri("/lessons").contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("MISSING_BODY");
    }

    @Test
    void anErrorForADeclaredEmptyBodyKeepsTheConnectionOpen() {
        // no Connection: close on errors any more; that the next request on the connection is answered is
        // KeepAliveAfterSynchronousAnswerTests' job (raw sockets)
        web.post().uri("/lessons").contentType(MediaType.APPLICATION_JSON)   // Content-Length: 0
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().doesNotExist(HttpHeaders.CONNECTION);
        web.get().uri("/cohorts/1기/seat")   // no body declared
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().doesNotExist(HttpHeaders.CONNECTION);
        web.post().uri("/lessons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("title", "안전교육 1차시", "minutes", 30))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.CONNECTION);
    }

    @Test
    void whenBodyExceedsTheLimitThenPayloadTooLarge() {
        String huge = "{\"title\": \"" + "가".repeat(20_000) + "\", \"minutes\": 1}";
        web.post().uri("/lessons").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(huge)
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectBody().jsonPath("$.error.code").isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(controller.writes).hasValue(0);
    }

    @Test
    void whenContentTypeIsUnsupportedThen415() {
        web.post().uri("/lessons").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("title=x")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectBody().jsonPath("$.error.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void whenRouteIsUnknownThenNotFoundWithTheRequestIdOfTheResponseHeader() {
        var result = web.get().uri("/nowhere")
                .exchange()
                .expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("NOT_FOUND")
                .returnResult();
        String header = result.getResponseHeaders().getFirst(RequestIds.HEADER);
        assertThat(header).isNotBlank();
        assertThat(new String(result.getResponseBodyContent())).contains("\"requestId\":\"" + header + "\"");
    }

    @Test
    void whenMethodIsNotSupportedThen405WithAllowHeader() {
        web.delete().uri("/lessons")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().valueEquals(HttpHeaders.ALLOW, "POST")
                .expectBody().jsonPath("$.error.code").isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void whenDomainRuleRefusesThenItsCodeAndLocalizedMessageAreAnswered() {
        web.get().uri("/cohorts/1기/seat")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ko")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("COHORT_FULL")
                .jsonPath("$.error.title").isEqualTo("정원 마감")
                .jsonPath("$.error.detail").isEqualTo("1기 회차는 정원이 찼습니다.");
        web.get().uri("/cohorts/2기/seat")
                .exchange()
                .expectBody().jsonPath("$.error.detail").isEqualTo("Cohort 2기 has no seats left.");
    }

    @Test
    void whenHandlerFailsUnexpectedlyThen500WithoutInternals() {
        web.get().uri("/boom")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody()
                .jsonPath("$.error.code").isEqualTo("INTERNAL_ERROR")
                .jsonPath("$.error.detail").value(detail -> assertThat((String) detail).doesNotContain("secret"));
    }

    @Test
    void whenClientSendsAWellFormedRequestIdThenItIsKeptAndReachesTheMdcOnOtherThreads() {
        web.get().uri("/mdc")
                .header(RequestIds.HEADER, "req-12345678")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(RequestIds.HEADER, "req-12345678")
                .expectBody().jsonPath("$.data").isEqualTo("req-12345678");
    }

    @Test
    void whenClientSendsAHostileRequestIdThenANewOneIsGenerated() {
        web.get().uri("/mdc")
                .header(RequestIds.HEADER, "x\"><script>")
                .exchange()
                .expectHeader().value(RequestIds.HEADER, id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    record NewLesson(@NotBlank @Size(max = 100) String title, @Min(1) int minutes) {
    }

    @RestController
    static class LessonController {
        final AtomicInteger writes = new AtomicInteger();

        @PostMapping("/lessons")
        Mono<ApiResponse<NewLesson>> create(@Valid @RequestBody NewLesson lesson) {
            writes.incrementAndGet();
            return Mono.just(ApiResponse.ok(lesson));
        }

        @GetMapping("/cohorts/{name}/seat")
        Mono<ApiResponse<Void>> seat(@PathVariable String name) {
            return Mono.error(io.baeum.common.error.DomainException.conflict("COHORT_FULL", "cohort full", name));
        }

        @GetMapping("/boom")
        Mono<ApiResponse<Void>> boom() {
            return Mono.error(new IllegalStateException("secret connection string leaked"));
        }

        @GetMapping("/mdc")
        Mono<ApiResponse<String>> mdc() {
            return Mono.delay(Duration.ofMillis(5))
                    .publishOn(Schedulers.boundedElastic())
                    .map(tick -> ApiResponse.ok(MDC.get(RequestIds.CONTEXT_KEY)));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(LessonController.class)
    static class App {
    }
}

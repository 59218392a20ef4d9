package io.baeum.gateway.resilience;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.gateway.support.GatewayTestSupport;
import reactor.core.publisher.Flux;

/** A service that is down, slow or failing never hangs a client; the route recovers with the service. */
class ResilienceTests extends GatewayTestSupport {

    @LocalServerPort
    int port;

    private WebClient webClient() {
        return WebClient.create("http://127.0.0.1:" + port);
    }

    @Test
    void aStoppedServiceAnswersTheFallbackQuicklyOtherRoutesWorkAndTheRouteRecovers() {
        learning.stop();
        try {
            long started = System.nanoTime();
            web.get().uri("/api/v1/catalog/courses").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                    .expectBody().jsonPath("$.success").isEqualTo(false)
                    .jsonPath("$.error.code").isEqualTo("SERVICE_UNAVAILABLE")
                    .jsonPath("$.error.instance").isEqualTo("/api/v1/catalog/courses");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

            web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee())
                    .exchange().expectStatus().isOk();
        } finally {
            learning.restart();
        }
        resetDownstreams();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                web.get().uri("/api/v1/catalog/courses").exchange().expectStatus().isOk());
    }

    @Test
    void aServiceThatNeverAnswersIsCutAtTheRouteTimeout() {
        services.wireMock().stubFor(post("/api/v1/playback/sessions/slow/heartbeats")
                .willReturn(aResponse().withStatus(200).withFixedDelay(6_000)));
        long started = System.nanoTime();
        web.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .post().uri("/api/v1/playback/sessions/slow/heartbeats")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.code").isEqualTo("SERVICE_UNAVAILABLE");
        // the heartbeat route's timeout is 3 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(2_900), Duration.ofMillis(5_000));
    }

    @Test
    void manyConcurrentBeatsAreAllForwardedNotShed() {
        services.wireMock().stubFor(post("/api/v1/playback/sessions/busy/heartbeats")
                .willReturn(aResponse().withStatus(200).withFixedDelay(100)));
        // ten players (login sessions), twenty beats each: within their rate limit, 200 calls in flight at once
        List<String> players = Flux.range(0, 10).map(i -> tokens.token("player-" + i).sign()).collectList().block();
        List<Integer> statuses = Flux.range(0, 200)
                .flatMap(i -> webClient().post().uri("/api/v1/playback/sessions/busy/heartbeats")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + players.get(i % 10))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 200)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(statuses).hasSize(200).containsOnly(200);
    }

    @Test
    void aServiceErrorIsPassedOnNotHidden() {
        services.wireMock().stubFor(post("/api/v1/auth/logout").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"error\":{\"code\":\"INTERNAL_ERROR\"}}")));
        web.post().uri("/api/v1/auth/logout").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee())
                .exchange().expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.error.code").isEqualTo("INTERNAL_ERROR");
        services.wireMock().verify(exactly(1), postRequestedFor(urlEqualTo("/api/v1/auth/logout")));
    }

    @Test
    void idempotentGetsAreRetriedOnATransientFailureButPostsAreNot() {
        learning.wireMock().stubFor(get("/api/v1/catalog/courses").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        learning.wireMock().stubFor(get("/api/v1/catalog/courses").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":[]}")));
        web.get().uri("/api/v1/catalog/courses").exchange().expectStatus().isOk();
        learning.wireMock().verify(exactly(2), getRequestedFor(urlEqualTo("/api/v1/catalog/courses")));

        learning.wireMock().stubFor(post("/api/v1/cohorts/7/enrollments").willReturn(aResponse().withStatus(503)));
        web.post().uri("/api/v1/cohorts/7/enrollments").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee())
                .exchange().expectStatus().isEqualTo(503);
        learning.wireMock().verify(exactly(1), postRequestedFor(urlEqualTo("/api/v1/cohorts/7/enrollments")));
    }
}

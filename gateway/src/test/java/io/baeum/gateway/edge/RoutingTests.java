package io.baeum.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.baeum.gateway.support.GatewayTestSupport;

/** The route table (docs/gateway.md), the gateway's own 4xx answers and its per-route metrics. */
class RoutingTests extends GatewayTestSupport {

    @Test
    void eachPrefixReachesItsService() {
        String token = trainee();
        web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/me/enrollments").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk();
        web.post().uri("/api/v1/playback/sessions/abc/heartbeats").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"sequence\":1}").exchange().expectStatus().isOk();

        services.wireMock().verify(getRequestedFor(urlEqualTo("/api/v1/me")));
        services.wireMock().verify(postRequestedFor(urlEqualTo("/api/v1/playback/sessions/abc/heartbeats")));
        learning.wireMock().verify(getRequestedFor(urlEqualTo("/api/v1/me/enrollments")));
        assertThat(services.wireMock().findAll(getRequestedFor(urlEqualTo("/api/v1/me/enrollments")))).isEmpty();
    }

    @Test
    void aServicesAnswerPassesThroughUnchanged() {
        services.wireMock().stubFor(get("/api/v1/me").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"success\":false,\"data\":null,\"error\":{\"code\":\"SOMETHING\"},\"metadata\":{}}")));
        web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("SOMETHING");
    }

    @Test
    void unknownRoutesAreA404EnvelopeFromTheGatewayItself() {
        // an extension-less GET outside /api is a page of the web client (WebClientPagesWebFilter): a missing
        // file and any other method on an unknown path are the gateway's own 404
        web.get().uri("/nothing/here.json").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.success").isEqualTo(false).jsonPath("$.error.code").isEqualTo("NOT_FOUND");
        web.post().uri("/nothing/here").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.success").isEqualTo(false).jsonPath("$.error.code").isEqualTo("NOT_FOUND");
        web.get().uri("/api/v1/nothing").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
        assertThat(services.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void internalEndpointsAreNotRouted() {
        // a service's actuator and learning's playback-grant JWKS stay inside
        web.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
        web.get().uri("/fallback/auth").exchange().expectStatus().isUnauthorized();
        assertThat(services.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void anOversizedBodyIsRefusedWith413BeforeAnyServiceSeesIt() {
        byte[] big = new byte[(int) (1024 * 1024 + 1)];
        web.post().uri("/api/v1/auth/signup").contentType(MediaType.APPLICATION_JSON).bodyValue(big).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error.code").isEqualTo("PAYLOAD_TOO_LARGE");
        // the heartbeat route accepts far less than the default
        web.post().uri("/api/v1/playback/sessions/abc/heartbeats").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(new byte[17 * 1024]).exchange()
                .expectStatus().isEqualTo(413);
        assertThat(services.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void routesHaveLatencyHistogramsAndStatusCodesInPrometheus() {
        web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee()).exchange().expectStatus().isOk();
        String metrics = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics)
                .containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"auth\"[^}]*\\}")
                .containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*httpStatusCode=\"200\"[^}]*routeId=\"auth\"")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"auth\"[^}]*state=\"closed\"[^}]*\\} 1");
    }
}

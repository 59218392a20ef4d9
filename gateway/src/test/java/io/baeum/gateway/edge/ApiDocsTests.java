package io.baeum.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import io.baeum.gateway.support.GatewayTestSupport;

/** One Swagger UI at /docs over every service's OpenAPI document, fetched through the gateway. */
class ApiDocsTests extends GatewayTestSupport {

    @Test
    void eachServicesDocumentIsServedUnderItsOwnNameWithoutAToken() {
        learning.wireMock().stubFor(get("/v3/api-docs").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Baeum learning-service\"}}")));
        web.get().uri("/v3/api-docs/learning").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("Baeum learning-service");
        learning.wireMock().verify(getRequestedFor(urlEqualTo("/v3/api-docs")));
    }

    @Test
    void theSwaggerUiListsEveryService() {
        String config = web.get().uri("/docs/gateway-api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(config).contains("/v3/api-docs/auth", "/v3/api-docs/learning", "/v3/api-docs/heartbeat",
                "/v3/api-docs/exam", "/v3/api-docs/billing", "/v3/api-docs/rag");

        String location = web.get().uri("/docs").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).as("the UI page").isNotBlank();
        web.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy", "default-src 'self'.*")
                .expectBody(String.class).value(page -> assertThat(page).contains("swagger-ui"));
    }

    @Test
    void aStoppedServicesDocumentIsTheFallbackNotAnError() {
        web.get().uri("/v3/api-docs/exam").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.code").isEqualTo("SERVICE_UNAVAILABLE");
    }
}

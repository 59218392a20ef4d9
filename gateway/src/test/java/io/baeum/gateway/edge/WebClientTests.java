package io.baeum.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import io.baeum.gateway.support.GatewayTestSupport;

/**
 * The web client's files (a stand-in index.html and media file from the test classpath): public, under
 * the web client's CSP, deep links answered with index.html, media with HTTP Range, and the API as before.
 */
class WebClientTests extends GatewayTestSupport {

    @Test
    void theHomePageIsIndexHtmlWithTheWebClientsCsp() {
        web.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueMatches("Content-Security-Policy",
                        ".*script-src 'self';.*frame-src https://player.vimeo.com;.*")
                .expectBody(String.class).value(page -> assertThat(page).contains("<div id=\"root\">"));
    }

    @Test
    void aDeepLinkWithoutAnExtensionIsAnsweredWithIndexHtml() {
        web.get().uri("/classroom/3f2a/lessons/9").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(page -> assertThat(page).contains("<div id=\"root\">"));
        web.head().uri("/classroom").exchange()
                .expectStatus().isOk()
                .expectHeader().valueMatches("Content-Security-Policy", ".*frame-src https://player.vimeo.com;.*");
    }

    @Test
    void mediaFilesAnswerRangeRequestsWithPartialContent() {
        byte[] part = web.get().uri("/media/test.bin").header(HttpHeaders.RANGE, "bytes=0-99").exchange()
                .expectStatus().isEqualTo(206)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 0-99/1000")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(part).hasSize(100);
    }

    @Test
    void aMissingFileIsA404NotThePage() {
        web.get().uri("/assets/missing-1234.js").exchange().expectStatus().isNotFound();
    }

    @Test
    void apiPathsAreNeverPages() {
        web.get().uri("/api/v1/nowhere").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("NOT_FOUND");
        web.get().uri("/api/v1/me").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void onlyExtensionlessGetsOutsideTheApiArePages() {
        assertThat(WebClientPagesWebFilter.isPage(HttpMethod.GET, "/admin/courses")).isTrue();
        assertThat(WebClientPagesWebFilter.isPage(HttpMethod.GET, "/")).isTrue();
        assertThat(WebClientPagesWebFilter.isPage(HttpMethod.POST, "/admin/courses")).isFalse();
        assertThat(WebClientPagesWebFilter.isPage(HttpMethod.GET, "/api/v1/catalog/courses")).isFalse();
        assertThat(WebClientPagesWebFilter.isPage(HttpMethod.GET, "/actuator/health")).isFalse();
        assertThat(WebClientPagesWebFilter.isPage(HttpMethod.GET, "/docs")).isFalse();
        assertThat(WebClientPagesWebFilter.isPage(HttpMethod.GET, "/v3/api-docs/auth")).isFalse();
        assertThat(WebClientPagesWebFilter.isPage(HttpMethod.GET, "/.well-known/jwks.json")).isFalse();
        assertThat(WebClientPagesWebFilter.isPage(HttpMethod.GET, "/robots.txt")).isFalse();
    }
}

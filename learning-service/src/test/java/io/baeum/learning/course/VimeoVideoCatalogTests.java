package io.baeum.learning.course;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import reactor.test.StepVerifier;

import io.baeum.common.error.DomainException;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.course.domain.VideoMetadata;
import io.baeum.learning.course.vimeo.VimeoVideoCatalog;

/** The Vimeo adapter against a stub that answers like Vimeo's documented {@code GET /videos/{video_id}}. */
class VimeoVideoCatalogTests {

    static final String VIDEO = """
            {"uri": "/videos/76979871", "name": "The New Vimeo Player (You Know, For Videos)", "duration": 62,
             "width": 1280, "height": 720, "status": "available", "link": "https://vimeo.com/76979871",
             "pictures": {"uri": "/videos/76979871/pictures/452001751", "active": true, "type": "custom",
               "base_link": "https://i.vimeocdn.com/video/452001751-8216e0571c251a09d8cb6b85f4c5e3fe8d9a1ee4c0f2b9e2c1c6c7a2a6bb3a2b-d",
               "sizes": [
                 {"width": 100, "height": 75, "link": "https://i.vimeocdn.com/video/452001751-d_100x75?r=pad"},
                 {"width": 640, "height": 360, "link": "https://i.vimeocdn.com/video/452001751-d_640x360?r=pad"},
                 {"width": 295, "height": 166, "link": "https://i.vimeocdn.com/video/452001751-d_295x166?r=pad"}]},
             "privacy": {"view": "anybody", "embed": "%s", "download": false, "add": true, "comments": "anybody"}}""";

    WireMockServer vimeo;
    VimeoVideoCatalog catalog;

    @BeforeEach
    void start() {
        vimeo = new WireMockServer(wireMockConfig().dynamicPort());
        vimeo.start();
        catalog = new VimeoVideoCatalog(WebClient.builder(), new LearningProperties.Vimeo("vimeo",
                URI.create(vimeo.baseUrl()), "vimeo-token", Duration.ofSeconds(2), 2));
    }

    @AfterEach
    void stop() {
        vimeo.stop();
    }

    @Test
    void readsDurationTheLargestThumbnailAndWhetherTheVideoMayBeEmbedded() {
        vimeo.stubFor(get(urlPathEqualTo("/videos/76979871")).willReturn(okJson(VIDEO.formatted("public"))));
        StepVerifier.create(catalog.describe("76979871"))
                .expectNext(new VideoMetadata("76979871", 62, "https://i.vimeocdn.com/video/452001751-d_640x360?r=pad", true))
                .verifyComplete();
        vimeo.verify(getRequestedFor(urlPathEqualTo("/videos/76979871"))
                .withHeader("Authorization", equalTo("bearer vimeo-token"))
                .withHeader("Accept", equalTo("application/vnd.vimeo.*+json;version=3.4")));
    }

    @Test
    void aPrivateEmbedSettingIsNotEmbeddableButWhitelistIs() {
        vimeo.stubFor(get(urlPathEqualTo("/videos/1")).willReturn(okJson(VIDEO.formatted("private"))));
        vimeo.stubFor(get(urlPathEqualTo("/videos/2")).willReturn(okJson(VIDEO.formatted("whitelist"))));
        StepVerifier.create(catalog.describe("1")).assertNext(v -> assertThat(v.embeddable()).isFalse()).verifyComplete();
        StepVerifier.create(catalog.describe("2")).assertNext(v -> assertThat(v.embeddable()).isTrue()).verifyComplete();
    }

    @Test
    void anUnknownVideoIsNotFound() {
        vimeo.stubFor(get(urlPathEqualTo("/videos/404")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": \"The requested video couldn't be found.\"}")));
        StepVerifier.create(catalog.describe("404"))
                .expectErrorMatches(e -> e instanceof DomainException v && v.code().equals("VIDEO_NOT_FOUND")).verify();
    }

    @Test
    void serverErrorsAreRetriedThenReportedUnavailable() {
        vimeo.stubFor(get(urlPathEqualTo("/videos/7")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        vimeo.stubFor(get(urlPathEqualTo("/videos/7")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson(VIDEO.formatted("public"))));
        StepVerifier.create(catalog.describe("7")).assertNext(v -> assertThat(v.durationSeconds()).isEqualTo(62)).verifyComplete();

        vimeo.stubFor(get(urlPathEqualTo("/videos/8")).willReturn(aResponse().withStatus(500)));
        StepVerifier.create(catalog.describe("8"))
                .expectErrorMatches(e -> e instanceof DomainException v && v.code().equals("VIDEO_PROVIDER_UNAVAILABLE")).verify();
        vimeo.verify(3, getRequestedFor(urlPathEqualTo("/videos/8")));
    }

    @Test
    void aNonNumericIdNeverReachesVimeo() {
        StepVerifier.create(catalog.describe("../me"))
                .expectErrorMatches(e -> e instanceof DomainException v && v.code().equals("INVALID_VIDEO_ID")).verify();
        assertThat(vimeo.getAllServeEvents()).isEmpty();
    }
}

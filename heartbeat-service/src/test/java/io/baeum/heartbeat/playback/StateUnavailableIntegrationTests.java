package io.baeum.heartbeat.playback;

import static io.baeum.heartbeat.support.PlaybackGrants.aGrant;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.heartbeat.support.HttpPlayer;
import io.baeum.testing.MutableClock;
import io.baeum.heartbeat.support.TestTokens;
import io.baeum.testing.BaeumInfrastructure;

/** With Redis unreachable nothing is judged or credited: 503 with a retry hint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class StateUnavailableIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withSqs("progress-events");

    static final TestTokens tokens = new TestTokens();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tokens.register(registry, infra);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", StateUnavailableIntegrationTests::closedPort);
        registry.add("baeum.heartbeat.state.command-timeout", () -> "300ms");
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void closeTokens() {
        tokens.close();
    }

    @Autowired
    WebTestClient web;

    @Test
    void whenRedisIsDownBeatsAndStartsAnswer503WithARetryHint() {
        MutableClock clock = new MutableClock(Clock.systemUTC().instant());
        HttpPlayer player = new HttpPlayer(web, tokens, clock, "acct-down", "sid-down");

        player.post("/api/v1/playback/sessions", Map.of("grant", tokens.grant(aGrant().account("acct-down")
                        .issuedAt(clock.instant()).build()), "deviceFingerprint", "d"))
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.error.code").isEqualTo("STATE_UNAVAILABLE");
        player.sessionId = "ps_whatever";
        player.send(player.beatBody("playing", "visible", "tick"))
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1");
    }
}

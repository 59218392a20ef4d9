package io.baeum.auth.session;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.auth.support.Members;
import io.baeum.testing.BaeumInfrastructure;

/**
 * Redis down (the service points at a port nothing listens on): sign-in keeps working with in-memory
 * throttling; refresh, logout and every authenticated request fail closed with 503
 * {@code SESSION_STORE_UNAVAILABLE}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RedisOutageTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("learning-events");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        infra.registerProperties(registry);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", () -> closedPort);
        registry.add("spring.data.redis.timeout", () -> "300ms");
        registry.add("spring.data.redis.connect-timeout", () -> "300ms");
    }

    @Autowired
    WebTestClient client;

    WebTestClient web;
    Members members;

    @BeforeEach
    void clients() {
        web = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        members = new Members(web);
    }

    @Test
    void signInStillWorksButRefreshLogoutAndAuthenticatedCallsFailClosed() {
        Members.Member member = members.signUp();
        Members.Tokens tokens = members.logIn(member);

        members.refresh(tokens.refreshToken()).expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.code").isEqualTo("SESSION_STORE_UNAVAILABLE");
        web.post().uri("/api/v1/auth/logout").header("Authorization", "Bearer " + tokens.accessToken()).exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.code").isEqualTo("SESSION_STORE_UNAVAILABLE");
        members.me(tokens.accessToken()).expectStatus().isEqualTo(503);

        // and the refresh token was not spent: it works once Redis is back (nothing was written)
    }

    @Test
    void throttlingFallsBackToMemoryAndStillCountsFailures() {
        Members.Member member = members.signUp();
        for (int i = 0; i < 5; i++) {
            login(member.email(), "Wrong-Password-" + i).expectStatus().isUnauthorized();
        }
        login(member.email(), member.password()).expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.error.code").isEqualTo("LOGIN_THROTTLED");
    }

    private WebTestClient.ResponseSpec login(String email, String password) {
        return web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "192.0.2.200")
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }
}

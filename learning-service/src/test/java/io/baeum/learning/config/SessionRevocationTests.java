package io.baeum.learning.config;

import java.time.Duration;

import org.awaitility.Awaitility;
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

import io.baeum.common.security.SessionRevocationCheck;
import io.baeum.learning.testing.AccessTokens;
import io.baeum.testing.BaeumInfrastructure;

/** SECURITY.md G5: a session auth-service revoked (logout) is refused here within seconds, through the Redis deny-list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SessionRevocationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withRedis()
            .withSqs("progress-events", "learning-events");

    static final AccessTokens tokens = new AccessTokens();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", tokens::jwksUri);
    }

    @AfterAll
    static void closeTokens() {
        tokens.close();
    }

    @Autowired
    WebTestClient web;

    @Test
    void aTokenOfARevokedSessionIsRefusedWithinTheDenyListCacheTime() {
        String token = tokens.trainee("logging-out");
        web.get().uri("/api/v1/me/enrollments").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk();

        // auth-service's logout: the sid of the token (AccessTokens uses "session-<subject>")
        infra.redis().set(SessionRevocationCheck.DENY_LIST_KEY_PREFIX + "session-logging-out", "LOGOUT");

        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                web.get().uri("/api/v1/me/enrollments").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange().expectStatus().isUnauthorized()
                        .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHORIZED"));
        web.get().uri("/api/v1/me/enrollments").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.trainee("staying"))
                .exchange().expectStatus().isOk();
    }
}

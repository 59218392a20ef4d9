package io.baeum.gateway.edge;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.baeum.gateway.support.GatewayTestSupport;

/**
 * Redis down: the gateway keeps serving. Rate limits fail open and the deny-list lets tokens through
 * (every service behind checks it again and fails closed).
 */
class GatewayWithoutRedisTests extends GatewayTestSupport {

    @DynamicPropertySource
    static void redisNowhere(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.port", () -> "9");
        registry.add("spring.data.redis.connect-timeout", () -> "200ms");
    }

    @Test
    void loginsAndAuthenticatedCallsStillPass() {
        for (int i = 0; i < 3; i++) {
            web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectStatus().isOk();
        }
        web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee())
                .exchange().expectStatus().isOk();
    }
}

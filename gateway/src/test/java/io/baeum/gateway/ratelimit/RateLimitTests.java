package io.baeum.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import io.baeum.gateway.support.GatewayTestSupport;

/** Credentials are limited per client address in Redis; playback per login session in memory. */
@TestPropertySource(properties = {
        "baeum.gateway.limits.credentials.per-second=1", "baeum.gateway.limits.credentials.burst=3",
        "baeum.gateway.limits.playback.per-second=1", "baeum.gateway.limits.playback.burst=5"})
class RateLimitTests extends GatewayTestSupport {

    @Test
    void loginsBeyondTheBurstAreRefusedWith429InTheEnvelope() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().returnResult(String.class).getStatus().value());
        }
        assertThat(statuses.subList(0, 3)).containsOnly(200);
        assertThat(statuses).contains(429);
        web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.success").isEqualTo(false).jsonPath("$.error.code").isEqualTo("TOO_MANY_REQUESTS");
        // the limit is on credentials, not on everything from that address
        web.get().uri("/api/v1/catalog/courses").exchange().expectStatus().isOk();
    }

    @Test
    void beatsAreLimitedPerLoginSessionWithoutTouchingOtherSessions() {
        String flooding = tokens.token("flooder").sign();
        long started = System.nanoTime();
        int allowed = 0;
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            if (beat(flooding) == 429) {
                refused++;
            } else {
                allowed++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // burst 5, then 1 per second: however slow this machine is, never more than that got through
        assertThat(allowed).isGreaterThanOrEqualTo(5).isLessThanOrEqualTo(5 + (int) Math.ceil(seconds));
        assertThat(refused).isPositive();
        assertThat(beat(tokens.token("calm").sign())).isEqualTo(200);
    }

    private int beat(String token) {
        return web.post().uri("/api/v1/playback/sessions/s1/heartbeats").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .returnResult(String.class).getStatus().value();
    }
}

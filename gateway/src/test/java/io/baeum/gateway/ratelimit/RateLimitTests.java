package io.baeum.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import io.baeum.gateway.support.GatewayTestSupport;

/** Credentials are limited per client address in Redis; playback per login session in memory. */
@TestPropertySource(properties = {
        "baeum.gateway.limits.credentials.per-second=1", "baeum.gateway.limits.credentials.burst=3",
        "baeum.gateway.limits.playback.per-second=1", "baeum.gateway.limits.playback.burst=5"})
class RateLimitTests extends GatewayTestSupport {

    @Test
    void loginsBeyondTheBurstAreRefusedWith429InTheEnvelope() {
        List<EntityExchangeResult<String>> answers = new ArrayList<>();
        EntityExchangeResult<String> answer;
        do {
            answer = web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                    .exchange().expectBody(String.class).returnResult();
            answers.add(answer);
        } while (answer.getStatus().value() != 429 && answers.size() < 30);

        // burst 3 at 1 per second: the first three pass, and a refusal follows within a few more
        assertThat(answers.subList(0, 3)).extracting(a -> a.getStatus().value()).containsOnly(200);
        assertThat(answer.getStatus().value()).isEqualTo(429);
        assertThat(answers.size()).isLessThanOrEqualTo(8);
        assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(answer.getResponseBody()).contains("\"success\":false", "\"code\":\"TOO_MANY_REQUESTS\"");
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

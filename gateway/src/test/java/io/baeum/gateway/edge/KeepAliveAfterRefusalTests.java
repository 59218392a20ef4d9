package io.baeum.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.baeum.gateway.support.GatewayTestSupport;

/**
 * A client keeps its connection after the gateway refused a request without reading its body (a
 * beat with an expired token): its next request on that connection must be answered, not left
 * hanging (Reactor Netty 1.3.6 sometimes never read it, reactor-netty #4361; fixed in 1.3.8, so the
 * refusal keeps the connection open: docs/adr/0005-unanswered-keep-alive-requests.md).
 */
class KeepAliveAfterRefusalTests extends GatewayTestSupport {

    @LocalServerPort
    int port;

    @Test
    void theNextRequestOnAConnectionWhoseBodyWasRefusedUnreadIsAnswered() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Integer> hangs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> refused = client.send(request("/api/v1/playback/sessions/s1/heartbeats")
                    .header("Authorization", "Bearer expired-or-garbage").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sequence\":" + i + "}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            try {
                client.send(request("/actuator/health").GET().build(), HttpResponse.BodyHandlers.discarding());
            } catch (HttpTimeoutException e) {
                hangs.add(i);
            }
        }
        assertThat(hangs).as("requests left unanswered after a refused body").isEmpty();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(3));
    }
}

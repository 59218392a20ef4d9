package io.baeum.gateway.downstream;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Mono;

/**
 * Reports whether one downstream service is ready, by asking its own readiness probe. Operators see
 * the whole suite from the gateway at {@code /actuator/health/downstream}; the gateway's own liveness
 * and readiness never depend on it, so one slow service cannot take the entry point out of rotation.
 */
final class DownstreamReadinessIndicator implements ReactiveHealthIndicator {

    private final WebClient client;
    private final URI readiness;
    private final Duration timeout;

    DownstreamReadinessIndicator(WebClient client, URI baseUrl, Duration timeout) {
        this.client = client;
        this.readiness = baseUrl.resolve("/actuator/health/readiness");
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        return client.get().uri(readiness)
                .exchangeToMono(response -> Mono.just(response.statusCode().is2xxSuccessful()
                        ? Health.up().withDetail("url", readiness.toString()).build()
                        : Health.down().withDetail("url", readiness.toString())
                                .withDetail("status", response.statusCode().value()).build()))
                .timeout(timeout)
                .onErrorResume(error -> Mono.just(Health.down()
                        .withDetail("url", readiness.toString())
                        .withDetail("error", error.getClass().getSimpleName()).build()));
    }
}

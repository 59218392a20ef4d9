package io.baeum.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import java.time.Clock;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestAccessTokens;

/**
 * The gateway on a random port in front of WireMock services: auth and heartbeat share one, learning
 * has its own (tests stop it), exam points at a port nobody listens on. Tokens are signed by a test
 * key published as auth-service's JWKS; Redis is a leased test database.
 *
 * <p>The Redis database is leased per test class, so each class gets its own application context
 * (a cached one would keep talking to the previous class's database, which another build may lease).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class GatewayTestSupport {

    protected static final Downstream services = Downstream.create();
    protected static final Downstream learning = Downstream.create();
    protected static final TestAccessTokens tokens = new TestAccessTokens(Clock.systemUTC());

    @RegisterExtension
    protected static final BaeumInfrastructure infra = BaeumInfrastructure.create().withRedis();

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", () -> tokens.jwksUri().toString());
        registry.add("baeum.security.deny-list.cache-ttl", () -> "200ms");
        registry.add("baeum.gateway.services.auth", services::url);
        registry.add("baeum.gateway.services.heartbeat", services::url);
        registry.add("baeum.gateway.services.learning", learning::url);
        registry.add("baeum.gateway.services.exam", () -> "http://127.0.0.1:9");
        registry.add("baeum.gateway.services.billing", services::url);
        registry.add("baeum.gateway.services.rag", services::url);
        registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", () -> "1s");
    }

    @BeforeEach
    protected void resetDownstreams() {
        services.reset();
        learning.reset();
        // whatever a test does not stub answers 200 with an empty envelope
        for (Downstream downstream : new Downstream[] {services, learning}) {
            downstream.wireMock().stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"success\":true,\"data\":{},\"error\":null,\"metadata\":{}}")));
        }
    }

    protected static String trainee() {
        return tokens.token("trainee-1").sign();
    }

    protected static String withRoles(String... roles) {
        return tokens.token("user-" + String.join("-", roles)).roles(roles).sign();
    }
}

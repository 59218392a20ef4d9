package io.baeum.learning.testing;

import java.time.Duration;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.testing.BaeumInfrastructure;

/** HTTP tests with the test's own token issuer, patient with a shared, loaded machine. */
public final class SecuredWeb {

    private SecuredWeb() {
    }

    /** The infrastructure's properties, the JWKS of {@code tokens}, and generous JWKS and deny-list timeouts. */
    public static void register(DynamicPropertyRegistry registry, BaeumInfrastructure infra, AccessTokens tokens) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", tokens::jwksUri);
        registry.add("baeum.security.token.jwks-timeout", () -> "20s");
        registry.add("baeum.security.deny-list.timeout", () -> "10s");
    }

    /** {@code GET uri} with a bearer token, waiting up to a minute for the answer. */
    public static WebTestClient.ResponseSpec get(WebTestClient web, String token, String uri, Object... vars) {
        return web.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri(uri, vars).headers(h -> h.setBearerAuth(token)).exchange();
    }
}

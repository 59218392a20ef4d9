package io.baeum.auth.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.auth.session.SessionDenyList;
import io.baeum.auth.token.SigningKeys;
import io.baeum.auth.token.TokenProperties;
import io.baeum.common.openapi.SecuredOperations;
import io.baeum.common.security.AccessTokenVerifier;
import io.baeum.common.security.BaeumSecurity;
import io.baeum.common.security.JwksKeySource;
import io.baeum.common.security.TokenVerificationProperties;

/**
 * Auth's own endpoints verify bearer tokens exactly as every other service does — common-lib's
 * {@link AccessTokenVerifier} (RS256 pinned, {@code typ}, {@code kid} only from the JWKS, exact
 * issuer, audience {@code auth-service}) plus the Redis deny-list — except that the JWKS is read
 * in-process from the published key set instead of over HTTP.
 *
 * <p>Protected paths are listed explicitly (everything under {@code /api/v1/me}, {@code /admin},
 * identity verification, logout and social linking); the rest is public by design (sign-up,
 * sign-in, refresh, client credentials, JWKS, terms, probes) so that unknown paths answer 404.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String JWKS_PATH = "/.well-known/jwks.json";

    static final String[] ADMIN = {"/api/v1/admin/**"};
    static final String[] AUTHENTICATED = {"/api/v1/me", "/api/v1/me/**",
            "/api/v1/identity-verifications", "/api/v1/identity-verifications/**"};
    static final String LOGOUT = "/api/v1/auth/logout";

    @Bean
    AccessTokenVerifier accessTokenVerifier(SigningKeys keys, TokenProperties tokens, Clock clock) {
        WebClient inProcess = WebClient.builder()
                .exchangeFunction(request -> Mono.fromSupplier(() -> ClientResponse.create(HttpStatus.OK)
                        .header("Content-Type", MediaType.APPLICATION_JSON_VALUE)
                        .body(keys.publicJwks().toString(true))
                        .build()))
                .build();
        TokenVerificationProperties properties = new TokenVerificationProperties(URI.create("http://in-process" + JWKS_PATH),
                tokens.issuer(), tokens.selfAudience(), tokens.clockSkew(), 10_000, Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        return new AccessTokenVerifier(JwksKeySource.of(inProcess, properties, clock), properties, clock);
    }

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, AccessTokenVerifier verifier, SessionDenyList denyList) {
        return BaeumSecurity.bearerTokens(http, verifier, denyList)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, BaeumSecurity.OPENAPI_DOCUMENT).permitAll()
                        .pathMatchers(ADMIN).hasRole("ADMIN")
                        .pathMatchers(AUTHENTICATED).authenticated()
                        .pathMatchers(HttpMethod.POST, LOGOUT).authenticated()
                        .anyExchange().permitAll())
                .build();
    }

    /** The same rules, for the OpenAPI document: these operations carry the bearer requirement. */
    @Bean
    SecuredOperations securedOperations() {
        return SecuredOperations.paths(ADMIN).and(AUTHENTICATED).and(HttpMethod.POST, LOGOUT);
    }

    /** No user-details: the default in-memory user (and its logged password) must not exist. */
    @Bean
    ReactiveUserDetailsService noUsers() {
        return username -> Mono.empty();
    }
}

package io.baeum.learning.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

import io.baeum.common.openapi.SecuredOperations;
import io.baeum.common.security.AccessTokenVerifier;
import io.baeum.common.security.BaeumSecurity;
import io.baeum.common.security.SessionRevocationCheck;

/**
 * Bearer tokens from auth-service on every API path. Each API prefix is listed with its roles
 * ({@code SecurityRulesTests} checks that every mapped endpoint falls under one); paths outside them
 * are not routes and answer 404 (a deny-all there would answer 401 to unknown routes). A token of a
 * revoked login session is refused through the shared Redis deny-list (common-lib's
 * {@code RedisSessionRevocationCheck}, failing closed).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    static final String[] AUTHENTICATED = {
            "/api/v1/me/**", "/api/v1/enrollments/**", "/api/v1/cohorts/**", "/api/v1/boards/**"};
    static final String ADMIN = "/api/v1/admin/**";
    static final String VERIFICATION = "/api/v1/certificates/*/verification";
    static final String INSTRUCTOR = "/api/v1/instructor/**";
    static final String MANAGE = "/api/v1/manage/**";

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, AccessTokenVerifier verifier,
            SessionRevocationCheck revocationCheck) {
        return BaeumSecurity.bearerTokens(http, verifier, revocationCheck)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.GET, BaeumSecurity.OPENAPI_DOCUMENT).permitAll()
                        .pathMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/v1/catalog/**").permitAll()
                        // the certificate verification page behind the QR code: public, reads only
                        .pathMatchers(HttpMethod.GET, VERIFICATION).permitAll()
                        .pathMatchers(ADMIN).hasRole("ADMIN")
                        .pathMatchers(INSTRUCTOR).hasAnyRole("INSTRUCTOR", "ADMIN")   // docs/gateway.md: instructor paths allow ADMIN
                        .pathMatchers(MANAGE).hasAnyRole("INSTRUCTOR", "ADMIN")
                        .pathMatchers(AUTHENTICATED).authenticated()
                        .anyExchange().permitAll())
                .build();
    }

    /** The same rules, for the OpenAPI document: these operations carry the bearer requirement. */
    @Bean
    SecuredOperations securedOperations() {
        return SecuredOperations.paths(ADMIN, INSTRUCTOR, MANAGE).and(AUTHENTICATED);
    }
}

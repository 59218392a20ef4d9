package io.baeum.exam.config;

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
 * Bearer tokens from auth-service on every API path (the gateway's prefixes: {@code /api/v1/exams/**},
 * {@code /api/v1/admin/exams/**}, {@code /api/v1/admin/question-banks/**}). Grading, similarity flags and
 * evidence live under {@code /api/v1/exams/manage/**} for instructors and administrators; everything
 * else under {@code /api/v1/exams/**} is a trainee's own (owner-checked in the service, E1). A token of a
 * revoked login session is refused through the shared Redis deny-list.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    static final String ADMIN = "/api/v1/admin/**";
    static final String MANAGE = "/api/v1/exams/manage/**";
    static final String TRAINEE = "/api/v1/exams/**";

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, AccessTokenVerifier verifier, SessionRevocationCheck revocationCheck) {
        return BaeumSecurity.bearerTokens(http, verifier, revocationCheck)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.GET, BaeumSecurity.OPENAPI_DOCUMENT).permitAll()
                        .pathMatchers(ADMIN).hasRole("ADMIN")
                        .pathMatchers(MANAGE).hasAnyRole("INSTRUCTOR", "ADMIN")
                        .pathMatchers(TRAINEE).authenticated()
                        .anyExchange().permitAll())
                .build();
    }

    /** The same rules, for the OpenAPI document: these operations carry the bearer requirement. */
    @Bean
    SecuredOperations securedOperations() {
        return SecuredOperations.paths(ADMIN, MANAGE, TRAINEE);
    }
}

package io.baeum.rag.config;

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
 * Bearer tokens from auth-service: asking questions needs any signed-in account (the study channel
 * then checks the course locally); the document administration needs ADMIN or INSTRUCTOR (instructors
 * only for course materials, checked in the service). Paths outside these are not routes (404).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    static final String CHATBOT = "/api/v1/chatbot/**";
    static final String ADMIN = "/api/v1/admin/chatbot/**";

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, AccessTokenVerifier verifier,
            SessionRevocationCheck revocationCheck) {
        return BaeumSecurity.bearerTokens(http, verifier, revocationCheck)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.GET, BaeumSecurity.OPENAPI_DOCUMENT).permitAll()
                        .pathMatchers(ADMIN).hasAnyRole("ADMIN", "INSTRUCTOR")
                        .pathMatchers(CHATBOT).authenticated()
                        .anyExchange().permitAll())
                .build();
    }

    @Bean
    SecuredOperations securedOperations() {
        return SecuredOperations.paths(ADMIN, CHATBOT);
    }
}

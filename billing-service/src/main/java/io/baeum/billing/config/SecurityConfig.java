package io.baeum.billing.config;

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
 * Bearer tokens from auth-service on every API path but PortOne's webhook, which carries its own
 * Standard Webhooks signature instead. Admin paths need ADMIN; the trainee paths any authenticated
 * account (each use case checks ownership). Paths outside these are not routes (404).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfig {

    static final String WEBHOOK = "/api/v1/billing/webhooks/portone";
    static final String ADMIN = "/api/v1/admin/billing/**";
    static final String[] AUTHENTICATED = {"/api/v1/billing/cart", "/api/v1/billing/cart/**",
            "/api/v1/billing/orders", "/api/v1/billing/orders/**", "/api/v1/billing/refunds", "/api/v1/billing/refunds/**",
            "/api/v1/billing/receipts",
            "/api/v1/billing/sandbox/**"};

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, AccessTokenVerifier verifier,
            SessionRevocationCheck revocationCheck) {
        return BaeumSecurity.bearerTokens(http, verifier, revocationCheck)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.GET, BaeumSecurity.OPENAPI_DOCUMENT).permitAll()
                        .pathMatchers(HttpMethod.POST, WEBHOOK).permitAll()
                        .pathMatchers(ADMIN).hasRole("ADMIN")
                        .pathMatchers(AUTHENTICATED).authenticated()
                        .anyExchange().permitAll())
                .build();
    }

    /** The same rules, for the OpenAPI document: these operations carry the bearer requirement. */
    @Bean
    SecuredOperations securedOperations() {
        return SecuredOperations.paths(ADMIN).and(AUTHENTICATED);
    }
}

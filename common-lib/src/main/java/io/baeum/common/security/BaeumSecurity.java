package io.baeum.common.security;

import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

import io.baeum.common.web.ApiErrorWebExceptionHandler;

/**
 * The Spring Security (WebFlux) setup every Baeum service shares. Needs Spring Security on the
 * classpath; common-lib declares it optional.
 *
 * <pre>{@code
 * @Bean
 * SecurityWebFilterChain security(ServerHttpSecurity http, AccessTokenVerifier verifier,
 *         SessionRevocationCheck revoked) {
 *     return BaeumSecurity.bearerTokens(http, verifier, revoked)
 *             .authorizeExchange(exchanges -> exchanges
 *                     .pathMatchers("/actuator/health/**").permitAll()
 *                     .pathMatchers(HttpMethod.GET, BaeumSecurity.OPENAPI_DOCUMENT).permitAll()
 *                     .pathMatchers("/api/v1/admin/**").hasRole("ADMIN")
 *                     .anyExchange().authenticated())
 *             .build();
 * }
 * }</pre>
 */
public final class BaeumSecurity {

    /**
     * The service's OpenAPI document (springdoc, {@code springdoc.api-docs.path} in
     * {@code baeum-service-defaults.yml}), public so that the gateway's Swagger UI can fetch it.
     */
    public static final String[] OPENAPI_DOCUMENT = {"/v3/api-docs", "/v3/api-docs/**"};

    private BaeumSecurity() {
    }

    /**
     * Configures stateless bearer-token authentication on {@code http}, leaving authorization rules
     * to the caller.
     *
     * <ul>
     *   <li>{@code Authorization: Bearer <token>} is verified by {@code verifier}, then the token's
     *       session is checked with {@code revocationCheck}; the request's principal is the
     *       {@link VerifiedAccessToken}, its authorities {@code ROLE_<role>}
     *       (see {@link AccessTokenAuthentication}).</li>
     *   <li>A refused token ends the request with 401 before any handler runs; a request without a
     *       token stays anonymous, so authorization rules decide (401 when authentication is
     *       required).</li>
     *   <li>401 and 403 are written as the {@code ApiResponse} envelope (codes {@code UNAUTHORIZED},
     *       {@code FORBIDDEN}) with a {@code WWW-Authenticate: Bearer} challenge; the reason a token
     *       was refused is not disclosed.</li>
     *   <li>No CSRF (no cookies are used), no sessions or saved requests, no form, basic or logout
     *       endpoints.</li>
     * </ul>
     *
     * @return {@code http}, to go on with {@code authorizeExchange(...)} and {@code build()}
     */
    public static ServerHttpSecurity bearerTokens(ServerHttpSecurity http, AccessTokenVerifier verifier,
            SessionRevocationCheck revocationCheck) {
        SecurityErrorResponses errors = new SecurityErrorResponses(ApiErrorWebExceptionHandler.withDefaults());
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(
                new AccessTokenAuthenticationManager(verifier, revocationCheck));
        bearer.setServerAuthenticationConverter(new BearerTokenAuthenticationConverter());
        bearer.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(errors));
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return stateless(http)
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors))
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION);
    }

    /**
     * A chain that keeps no state and offers no browser logins: no CSRF (no cookies are used), no HTTP
     * basic, form or logout endpoints, no saved requests, no security context stored between requests.
     * {@link #bearerTokens} starts from it; so may a chain without tokens (the gateway's API docs).
     */
    public static ServerHttpSecurity stateless(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    }
}

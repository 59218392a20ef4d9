package io.baeum.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import io.baeum.common.security.AccessTokenVerifier;
import io.baeum.common.security.BaeumSecurity;
import io.baeum.common.security.SessionRevocationCheck;
import io.baeum.common.web.ApiErrorWebExceptionHandler;
import io.baeum.common.web.RequestIds;

/**
 * Edge security (docs/gateway.md): the access token is verified here with the same verifier every
 * service uses, a revoked session is refused, role rules are applied per path prefix; CORS for the
 * web client and security headers on every answer. The services behind still verify for themselves.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    /** What anyone may call without a token; everything else under /api needs one. */
    static final String[] PUBLIC_POSTS = {"/api/v1/auth/login", "/api/v1/auth/signup", "/api/v1/auth/refresh",
            "/api/v1/auth/token", "/api/v1/auth/social/**",
            // PortOne's webhook: authenticated by its Standard Webhooks signature in billing-service, not by a token
            "/api/v1/billing/webhooks/portone"};
    static final String[] PUBLIC_GETS = {"/api/v1/catalog/**", "/api/v1/terms", "/api/v1/terms/**",
            "/api/v1/auth/social/**", "/.well-known/jwks.json",
            // the certificate verification behind the QR code printed on every certificate (learning-service)
            "/api/v1/certificates/*/verification"};

    /** The Swagger UI and the specs it reads: public, and a page that may run its own scripts. */
    static final String[] DOCS = {"/docs", "/docs/**", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**"};

    /** The web client's files (docs/web.md); its pages all answer /index.html (WebClientPagesWebFilter). */
    static final String[] WEB_CLIENT = {"/", WebClientPagesWebFilter.INDEX, "/assets/**", "/media/**", "/favicon.svg"};

    /**
     * The web client's CSP: scripts and styles from this origin only (no inline script), Vimeo's player
     * in a frame (and its oEmbed lookup), the sample media and thumbnails.
     */
    static final String WEB_CLIENT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: https://i.vimeocdn.com; media-src 'self'; font-src 'self'; "
            + "connect-src 'self' https://vimeo.com; frame-src https://player.vimeo.com; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(0)
    SecurityWebFilterChain webClientSecurity(ServerHttpSecurity http) {
        return BaeumSecurity.stateless(http.securityMatcher(new OrServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, WEB_CLIENT),
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.HEAD, WEB_CLIENT))))
                .headers(headers -> headers
                        // static files revalidate by Last-Modified instead of the no-store default
                        .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
                        .contentSecurityPolicy(csp -> csp.policyDirectives(WEB_CLIENT_CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    @Bean
    WebClientPagesWebFilter webClientPagesWebFilter() {
        return new WebClientPagesWebFilter();
    }

    @Bean
    @Order(1)
    SecurityWebFilterChain docsSecurity(ServerHttpSecurity http) {
        return BaeumSecurity.stateless(http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(DOCS)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> exchanges.pathMatchers(HttpMethod.GET, DOCS).permitAll()
                        .anyExchange().denyAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, AccessTokenVerifier verifier,
            SessionRevocationCheck revocationCheck, CorsConfigurationSource cors) {
        return BaeumSecurity.bearerTokens(http, verifier, revocationCheck)
                .cors(spec -> spec.configurationSource(cors))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .pathMatchers("/fallback/**").denyAll()
                        .pathMatchers(HttpMethod.POST, PUBLIC_POSTS).permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_GETS).permitAll()
                        .pathMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .pathMatchers("/api/v1/instructor/**", "/api/v1/manage/**").hasAnyRole("INSTRUCTOR", "ADMIN")
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(EdgeProperties edge) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(edge.webOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Accept-Language",
                RequestIds.HEADER));
        config.setExposedHeaders(List.of(RequestIds.HEADER, "Retry-After", "Location", "X-RateLimit-Remaining"));
        // bearer tokens in a header, never cookies: no credentials mode
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        return source;
    }

    @Bean
    DownstreamRequestHeaders downstreamRequestHeaders(EdgeProperties edge) {
        return new DownstreamRequestHeaders(edge);
    }

    @Bean
    BodySizeLimitFilter bodySizeLimitFilter(EdgeProperties edge, ApiErrorWebExceptionHandler errors) {
        return new BodySizeLimitFilter(edge, errors);
    }

    @Bean
    UnknownRouteWebFilter unknownRouteWebFilter(RouteLocator routes, ApiErrorWebExceptionHandler errors) {
        return new UnknownRouteWebFilter(routes, errors);
    }

    @Bean
    ErrorEnvelopeWebFilter errorEnvelopeWebFilter(ApiErrorWebExceptionHandler errors) {
        return new ErrorEnvelopeWebFilter(errors);
    }
}

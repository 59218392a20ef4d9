package io.baeum.gateway.edge;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.baeum.common.web.ApiErrorWebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * An API path no route serves is a 404 {@code NOT_FOUND} even without a token: before the security
 * chain would answer 401, a tokenless request's path is looked up in the route table, so a client
 * learns that the path does not exist (as every service answers), not that it needs to log in.
 * Requests with a token pass the chain and get the same 404 from routing itself, so the hot path
 * (every beat carries a token) does not look its route up twice.
 */
public class UnknownRouteWebFilter implements WebFilter, Ordered {

    /** Before Spring Security's filter chain (-100). */
    static final int ORDER = -150;

    private final RouteLocator routes;
    private final ApiErrorWebExceptionHandler errors;

    public UnknownRouteWebFilter(RouteLocator routes, ApiErrorWebExceptionHandler errors) {
        this.routes = routes;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                || !request.getPath().value().startsWith("/api/") || CorsUtils.isPreFlightRequest(request)) {
            return chain.filter(exchange);
        }
        return routes.getRoutes()
                .concatMap(route -> Mono.from(route.getPredicate().apply(exchange)))
                .any(Boolean::booleanValue)
                .flatMap(routed -> {
                    if (routed) {
                        return chain.filter(exchange);
                    }
                    return errors.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND));
                });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

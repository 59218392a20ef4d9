package io.baeum.gateway.edge;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.baeum.common.web.ApiErrorWebExceptionHandler;
import io.baeum.common.web.UnreadRequestBodies;
import reactor.core.publisher.Mono;

/**
 * An API path no route serves is a 404 {@code NOT_FOUND}, with or without a token, before the
 * security chain runs: a client learns that the path does not exist (as every service answers), not
 * that it needs to log in, and no token is verified for nothing.
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
        if (!exchange.getRequest().getPath().value().startsWith("/api/") || CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        return routes.getRoutes()
                .concatMap(route -> Mono.from(route.getPredicate().apply(exchange)))
                .any(Boolean::booleanValue)
                .flatMap(routed -> {
                    if (routed) {
                        return chain.filter(exchange);
                    }
                    UnreadRequestBodies.closeConnectionIfBodySent(exchange);
                    return errors.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND));
                });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

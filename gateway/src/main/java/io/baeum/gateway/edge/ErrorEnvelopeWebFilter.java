package io.baeum.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.baeum.common.web.ApiErrorWebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Gives the gateway's own bodiless error answers the API envelope. Framework filters end a request
 * by setting a status and completing the response (the rate limiter's 429, for one); a client should
 * get the same {@code {"success": false, "error": {...}}} it gets from every service. Responses that
 * carry a body (a service's answer, the security chain's 401) pass unchanged.
 */
public class ErrorEnvelopeWebFilter implements WebFilter, Ordered {

    private final ApiErrorWebExceptionHandler errors;

    public ErrorEnvelopeWebFilter(ApiErrorWebExceptionHandler errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                if (status == null || !status.isError() || isCommitted()) {
                    return super.setComplete();
                }
                if (status.value() == 429 && !getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
                    getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
                }
                // written to the same underlying response this decorator wraps
                return errors.handle(exchange, new ResponseStatusException(status));
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    /** Just inside the request-id filter, so everything after it is covered. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

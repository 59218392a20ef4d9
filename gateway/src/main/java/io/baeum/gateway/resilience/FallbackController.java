package io.baeum.gateway.resilience;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

import io.baeum.common.web.ApiErrorWebExceptionHandler;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.baeum.common.error.DomainException;
import io.baeum.gateway.edge.EdgeProperties;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request its service could not answer (refused connection,
 * timeout, open breaker): 503 {@code SERVICE_UNAVAILABLE} in the envelope with a {@code Retry-After},
 * at once. Reached only by the gateway's internal {@code forward:}; the security chain refuses it from
 * outside.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final ApiErrorWebExceptionHandler errors;
    private final EdgeProperties edge;

    FallbackController(ApiErrorWebExceptionHandler errors, EdgeProperties edge) {
        this.errors = errors;
        this.edge = edge;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> serviceUnavailable(@PathVariable String service, ServerWebExchange exchange) {
        // the client asked for its own path, not for this forward: answer (and log) with that one
        ServerWebExchange original = exchange.mutate().request(request -> request.path(originalPath(exchange))).build();
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause instanceof CallNotPermittedException) {
            // the breaker is open: said once when it opened, not once per refused request
            log.debug("{} breaker open: {} {}", service, original.getRequest().getMethod(), original.getRequest().getPath());
        } else {
            log.warn("{} unavailable for {} {}: {}", service, original.getRequest().getMethod(),
                    original.getRequest().getPath(), cause == null ? "no cause recorded" : cause.toString());
        }
        original.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, edge.retryAfterSeconds());
        return errors.handle(original, DomainException.unavailable("SERVICE_UNAVAILABLE",
                "The service is temporarily unavailable; retry later."));
    }

    /** The path the client sent: the request under every decoration (the forward is one). */
    private static String originalPath(ServerWebExchange exchange) {
        ServerWebExchange innermost = exchange;
        while (innermost instanceof ServerWebExchangeDecorator decorator) {
            innermost = decorator.getDelegate();
        }
        return innermost.getRequest().getPath().value();
    }
}

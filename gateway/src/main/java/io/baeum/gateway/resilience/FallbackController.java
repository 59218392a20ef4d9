package io.baeum.gateway.resilience;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.common.web.ApiErrorWebExceptionHandler;
import io.baeum.common.web.DomainException;
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
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.warn("{} unavailable for {} {}: {}", service, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), cause == null ? "no cause recorded" : cause.toString());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, edge.retryAfterSeconds());
        return errors.handle(exchange, new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_UNAVAILABLE",
                "The service is temporarily unavailable; retry later."));
    }
}

package io.baeum.gateway.edge;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.common.web.ApiErrorWebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Refuses a request whose declared body is larger than its route accepts (route metadata
 * {@code max-body-size}, else {@link EdgeProperties#maxBodySize()}) with 413 {@code PAYLOAD_TOO_LARGE}
 * before any byte reaches a service. Bodies sent without a length are bounded by the services' own
 * codec limit.
 */
public class BodySizeLimitFilter implements GlobalFilter, Ordered {

    static final String METADATA_KEY = "max-body-size";

    private final EdgeProperties properties;
    private final ApiErrorWebExceptionHandler errors;

    public BodySizeLimitFilter(EdgeProperties properties, ApiErrorWebExceptionHandler errors) {
        this.properties = properties;
        this.errors = errors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length > limit(exchange).toBytes()) {
            return errors.handle(exchange, new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body exceeds the size this endpoint accepts."));
        }
        return chain.filter(exchange);
    }

    private DataSize limit(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        Object configured = route == null ? null : route.getMetadata().get(METADATA_KEY);
        return configured == null ? properties.maxBodySize() : DataSize.parse(configured.toString());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

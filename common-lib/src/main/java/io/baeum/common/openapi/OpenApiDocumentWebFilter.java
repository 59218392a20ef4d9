package io.baeum.common.openapi;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves the OpenAPI document off the event loop. springdoc builds it on the first request with
 * blocking work (classpath scans that read class files, a lock): on a Netty event loop that would
 * stall every other request on it — heartbeats included — for the whole build. Other paths pass
 * through untouched.
 */
final class OpenApiDocumentWebFilter implements WebFilter, Ordered {

    private final String documentPath;

    OpenApiDocumentWebFilter(String documentPath) {
        this.documentPath = documentPath;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.equals(documentPath) && !path.startsWith(documentPath + "/") && !path.startsWith(documentPath + ".")) {
            return chain.filter(exchange);
        }
        return Mono.defer(() -> chain.filter(exchange)).subscribeOn(Schedulers.boundedElastic());
    }

    @Override
    public int getOrder() {
        // before the security chain (-100), so that everything after runs on the worker thread
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }
}

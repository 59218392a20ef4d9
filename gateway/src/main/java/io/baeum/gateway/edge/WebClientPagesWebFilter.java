package io.baeum.gateway.edge;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Deep links of the web client (docs/web.md): a {@code GET} or {@code HEAD} of an extension-less path
 * outside the API, operations and docs paths is answered with {@code /index.html}, so the browser's
 * router shows the page ({@code /classroom}, {@code /courses/…}). Files ({@code /assets/app-1a2b.js},
 * {@code /media/sample.mp4}) are served as they are, with HTTP Range, by Spring's static resources.
 */
public class WebClientPagesWebFilter implements WebFilter, Ordered {

    /** Before the unknown-route filter (-150) and Spring Security (-100), which then see /index.html. */
    static final int ORDER = -200;

    static final String INDEX = "/index.html";

    private static final List<String> NOT_PAGES = List.of("/api", "/actuator", "/v3", "/docs", "/.well-known",
            "/swagger-ui", "/webjars", "/fallback", "/assets", "/media");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!isPage(request.getMethod(), request.getPath().value())) {
            return chain.filter(exchange);
        }
        ServerHttpRequest index = request.mutate().path(INDEX).build();
        return chain.filter(exchange.mutate().request(index).build());
    }

    static boolean isPage(HttpMethod method, String path) {
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return false;
        }
        for (String prefix : NOT_PAGES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

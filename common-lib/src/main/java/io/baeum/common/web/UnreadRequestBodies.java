package io.baeum.common.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * For answers given before a request's body was read (401, 403, 413, 429 ...): the connection is
 * closed after the answer instead of kept alive. Reactor Netty 1.3.6 sometimes never reads the next
 * request of a keep-alive connection whose previous request body was left unread (the client then
 * hangs until its timeout; reactor/reactor-netty#4188, #4361); a client reconnecting after a refusal
 * costs far less.
 */
public final class UnreadRequestBodies {

    private UnreadRequestBodies() {
    }

    /** Marks the response {@code Connection: close} when the request carries a body. */
    public static void closeConnectionIfBodySent(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        boolean hasBody = headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        if (hasBody && !exchange.getResponse().isCommitted()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
    }
}

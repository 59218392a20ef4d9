package io.baeum.common.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * For answers given before a request's body was read (401, 403, 413, 429 ...): the connection is
 * closed after the answer instead of kept alive. Reactor Netty 1.3.6 sometimes never reads the next
 * request of a keep-alive connection whose previous request body was left unread (the client then
 * hangs until its timeout; reactor/reactor-netty#4188, #4361); a client reconnecting after a refusal
 * costs far less. A declared empty body ({@code Content-Length: 0}) counts too: its end is still unread.
 * Both hangs CI met on 2026-11-22 followed a bodiless POST answered with an error (heartbeat's 401 for a
 * missing token, auth's 503 for an unavailable session store): the next request on that connection was
 * only dispatched when the client gave up and closed it.
 *
 * <p>Only for small bodies, which have arrived with the request: closing while a large body is still
 * being uploaded makes the kernel reset the connection, and the client never sees the answer (a 413
 * for an oversized upload). Those connections are left to Reactor Netty, which discards the rest.
 */
final class UnreadRequestBodies {

    /** Bodies up to this size arrive with their headers (one read of Netty's buffers). */
    static final long SMALL_BODY = 16 * 1024;

    private UnreadRequestBodies() {
    }

    /** Marks the response {@code Connection: close} when the request declares a small (or empty) body. */
    static void closeConnectionIfBodySent(ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        if (length >= 0 && length <= SMALL_BODY && !exchange.getResponse().isCommitted()) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
        }
    }
}

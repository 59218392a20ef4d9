package io.baeum.auth.shared;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a request came from: the client address (after the gateway's {@code X-Forwarded-For},
 * applied by {@code server.forward-headers-strategy=framework}: auth-service is reachable only
 * through the gateway) and the user agent, cut to a sane length.
 */
public record ClientInfo(String ip, @Nullable String userAgent) {

    public static ClientInfo from(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String ip = remote == null ? "unknown"
                : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        String agent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
        if (agent != null && agent.length() > 512) {
            agent = agent.substring(0, 512);
        }
        return new ClientInfo(ip, agent);
    }
}

package io.baeum.gateway.edge;

import java.util.Locale;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.common.web.RequestIds;

/**
 * The headers a service receives, decided last, just before the request leaves the gateway:
 * <ul>
 *   <li>client-sent identity headers ({@link EdgeProperties#identityHeaders()}) are removed: a
 *       service learns who is calling only from the verified access token;</li>
 *   <li>{@code Forwarded} and every {@code X-Forwarded-*} the client sent are replaced by the
 *       gateway's own: {@code X-Forwarded-For} is exactly the {@link ClientAddress} (services
 *       throttle logins by it, so a client must not choose it), plus proto, host and port;</li>
 *   <li>{@code X-Request-Id} is the id this request carries in the gateway's own logs.</li>
 * </ul>
 */
public class DownstreamRequestHeaders implements HttpHeadersFilter, Ordered {

    private final EdgeProperties properties;

    public DownstreamRequestHeaders(EdgeProperties properties) {
        this.properties = properties;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!properties.isIdentityHeader(name) && !isForwarding(name)) {
                headers.addAll(name, values);
            }
        });
        headers.set("X-Forwarded-For", ClientAddress.of(request, properties.trustedProxies()));
        headers.set("X-Forwarded-Proto", request.getURI().getScheme());
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        RequestIds.of(exchange).ifPresent(id -> headers.set(RequestIds.HEADER, id));
        return headers;
    }

    private static boolean isForwarding(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-forwarded-") || lower.equals("forwarded") || lower.equals("x-real-ip");
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    /** Last of the request header filters, so nothing the framework adds undoes it. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

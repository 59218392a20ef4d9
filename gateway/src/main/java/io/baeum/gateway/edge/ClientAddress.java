package io.baeum.gateway.edge;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address of the client behind a request. The TCP peer, unless the peer is a trusted proxy: then
 * the right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy (entries further
 * left were written by the client and prove nothing).
 */
public final class ClientAddress {

    static final String UNKNOWN = "unknown";

    private ClientAddress() {
    }

    public static String of(ServerHttpRequest request, @Nullable Pattern trustedProxies) {
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote == null || remote.getAddress() == null ? UNKNOWN : remote.getAddress().getHostAddress();
        if (trustedProxies == null || !trustedProxies.matcher(peer).matches()) {
            return peer;
        }
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i).trim();
            if (!hop.isEmpty() && !trustedProxies.matcher(hop).matches()) {
                return hop;
            }
        }
        return peer;
    }
}

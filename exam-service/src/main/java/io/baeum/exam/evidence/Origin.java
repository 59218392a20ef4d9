package io.baeum.exam.evidence;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Where a request came from, for evidence: the client IP (the first {@code X-Forwarded-For} hop the
 * gateway appended, else the peer) and the device (its {@code User-Agent}, shortened).
 */
public record Origin(@Nullable String ip, @Nullable String device) {

    public static final Origin SYSTEM = new Origin(null, "exam-service");

    public static Origin of(ServerHttpRequest request) {
        String forwarded = request.getHeaders().getFirst("X-Forwarded-For");
        String ip = null;
        if (forwarded != null && !forwarded.isBlank()) {
            ip = forwarded.split(",")[0].strip();
        } else {
            InetSocketAddress remote = request.getRemoteAddress();
            ip = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        }
        String agent = request.getHeaders().getFirst("User-Agent");
        return new Origin(clip(ip, 64), clip(agent, 256));
    }

    private static @Nullable String clip(@Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", "");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}

package io.baeum.gateway.edge;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway enforces at the edge ({@code baeum.gateway.edge.*}).
 *
 * @param webOrigins      browser origins allowed by CORS (the web client), e.g. {@code https://lms.example.kr}
 * @param identityHeaders request headers a client must never be able to send to a service, removed
 *                        before forwarding; a trailing {@code *} matches a prefix ({@code X-User-*})
 * @param trustedProxies  a regular expression of the load balancers in front of the gateway whose
 *                        {@code X-Forwarded-For} entries are believed; unset: only the TCP peer counts
 * @param maxBodySize     the largest request body forwarded (a route's {@code max-body-size} metadata
 *                        overrides it); larger ones are refused with 413
 * @param retryAfter      the {@code Retry-After} a fallback answers while a service is unavailable
 */
@Validated
@ConfigurationProperties("baeum.gateway.edge")
public record EdgeProperties(
        @DefaultValue List<String> webOrigins,
        @DefaultValue({"X-User-*", "X-Auth-*", "X-Authenticated-*", "X-Baeum-*", "X-Roles", "X-Forwarded-User",
                "X-Remote-User", "Remote-User"}) List<String> identityHeaders,
        @Nullable Pattern trustedProxies,
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @NotNull @DefaultValue("5s") Duration retryAfter) {

    /** Whether {@code headerName} is one of {@link #identityHeaders()} (case-insensitive). */
    public boolean isIdentityHeader(String headerName) {
        for (String rule : identityHeaders) {
            boolean prefix = rule.endsWith("*");
            int length = prefix ? rule.length() - 1 : rule.length();
            if ((prefix ? headerName.length() >= length : headerName.length() == length)
                    && headerName.regionMatches(true, 0, rule, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #retryAfter()} in whole seconds, at least one, as the header wants it. */
    public String retryAfterSeconds() {
        return Long.toString(Math.max(1, retryAfter.toSeconds()));
    }
}

package io.baeum.common.security;

import java.util.List;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750 2.1; never a query or form parameter).
 * No {@code Authorization} header means an anonymous request; anything else that is not exactly one
 * well-formed bearer token is rejected.
 */
final class BearerTokenAuthenticationConverter implements ServerAuthenticationConverter {

    private static final Pattern BEARER = Pattern.compile("^Bearer (?<token>[A-Za-z0-9\\-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        List<String> values = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
        if (values.isEmpty()) {
            return Mono.empty();
        }
        if (values.size() > 1) {
            return Mono.error(new InvalidBearerTokenException("more than one Authorization header", null));
        }
        var matcher = BEARER.matcher(values.getFirst());
        if (!matcher.matches()) {
            return Mono.error(new InvalidBearerTokenException("Authorization is not a bearer token", null));
        }
        return Mono.just(new BearerToken(matcher.group("token")));
    }

    /** An unverified bearer token on its way to the authentication manager. */
    static final class BearerToken extends AbstractAuthenticationToken {

        private final String token;

        BearerToken(String token) {
            super(List.of());
            this.token = token;
        }

        String token() {
            return token;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return token;
        }

        @Override
        public String toString() {
            return "BearerToken[redacted]";
        }
    }
}

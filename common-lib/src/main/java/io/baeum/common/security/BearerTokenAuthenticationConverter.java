package io.baeum.common.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
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

    private static final String SCHEME = "bearer ";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        List<String> values = exchange.getRequest().getHeaders().getOrEmpty(HttpHeaders.AUTHORIZATION);
        if (values.isEmpty()) {
            return Mono.empty();
        }
        if (values.size() > 1) {
            return Mono.error(new InvalidBearerTokenException("more than one Authorization header", null));
        }
        String token = bearerToken(values.getFirst());
        if (token == null) {
            return Mono.error(new InvalidBearerTokenException("Authorization is not a bearer token", null));
        }
        return Mono.just(new BearerToken(token));
    }

    /**
     * The token of {@code Bearer <token>} (scheme in any case, one space, RFC 6750's token68:
     * {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="}), or null when the value is
     * anything else. A scan, not a regex: it runs on every request, over a ~1 KB token (a regex here was
     * ~8 % of a heartbeat's CPU).
     */
    static @Nullable String bearerToken(String value) {
        int length = value.length();
        if (length <= SCHEME.length()) {
            return null;
        }
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = value.charAt(i);
            if (c != SCHEME.charAt(i) && (c | 0x20) != SCHEME.charAt(i) || c == 0) {
                return null;
            }
        }
        int i = SCHEME.length();
        while (i < length && isTokenCharacter(value.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return null;
        }
        while (i < length && value.charAt(i) == '=') {
            i++;
        }
        return i == length ? value.substring(SCHEME.length()) : null;
    }

    private static boolean isTokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
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

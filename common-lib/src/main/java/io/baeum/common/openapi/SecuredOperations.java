package io.baeum.common.openapi;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The operations of a service that need a bearer token, for its OpenAPI document: a service declares
 * a bean of this type next to its {@code SecurityWebFilterChain}, built from the same path patterns,
 * and the document marks each matching operation with the bearer JWT requirement and a 401 response.
 *
 * <p>Patterns are matched exactly as {@code ServerHttpSecurity.pathMatchers(...)} matches them
 * ({@link PathPatternParser}), against the document's path templates such as
 * {@code /api/v1/admin/members/{id}}.
 *
 * <pre>{@code
 * @Bean
 * SecuredOperations securedOperations() {
 *     return SecuredOperations.paths("/api/v1/me/**", "/api/v1/admin/**")
 *             .and(HttpMethod.POST, "/api/v1/auth/logout");
 * }
 * }</pre>
 */
public final class SecuredOperations {

    private record Rule(@Nullable HttpMethod method, PathPattern pattern) {
    }

    private final List<Rule> rules;

    private SecuredOperations(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Every method on the given path patterns needs a token. */
    public static SecuredOperations paths(String... patterns) {
        return new SecuredOperations(List.of()).add(null, patterns);
    }

    /** Also {@code method} on the given path patterns. */
    public SecuredOperations and(HttpMethod method, String... patterns) {
        return add(method, patterns);
    }

    /** Also every method on the given path patterns. */
    public SecuredOperations and(String... patterns) {
        return add(null, patterns);
    }

    /** Whether {@code method} on the path template {@code path} needs a token. */
    public boolean matches(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return rules.stream().anyMatch(rule -> (rule.method() == null || rule.method().equals(method))
                && rule.pattern().matches(container));
    }

    private SecuredOperations add(@Nullable HttpMethod method, String... patterns) {
        List<Rule> more = new ArrayList<>(rules);
        for (String pattern : patterns) {
            more.add(new Rule(method, PathPatternParser.defaultInstance.parse(pattern)));
        }
        return new SecuredOperations(more);
    }
}

package io.baeum.common.web;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Where the request id lives: the {@value #HEADER} header on the wire, an exchange attribute, the
 * Reactor context (key {@value #CONTEXT_KEY}) and, through context propagation, the logging MDC.
 */
public final class RequestIds {

    /** Header carrying the request id in and out. */
    public static final String HEADER = "X-Request-Id";
    /** Reactor context key and MDC key. */
    public static final String CONTEXT_KEY = "requestId";
    static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    // A client-chosen id is kept only if it is short and harmless in logs and headers.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    /** The request id of this exchange, if the request-id filter has run. */
    public static Optional<String> of(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ATTRIBUTE));
    }

    /** The request id of the current reactive pipeline. */
    public static Mono<String> current() {
        return Mono.deferContextual(ctx -> Mono.justOrEmpty(ctx.getOrEmpty(CONTEXT_KEY)));
    }

    static String acceptOrGenerate(String candidate) {
        if (candidate != null && ACCEPTABLE.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }
}

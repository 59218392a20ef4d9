package io.baeum.common.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses query parameters and paths a handler must never see, before security, routing or any handler:
 * query strings with malformed percent-escapes, parameter names or values holding control characters
 * ({@link ControlCharacters}, single-line: a {@code %00} would otherwise reach SQL), parameters repeated
 * more than {@value #MAX_VALUES_PER_PARAMETER} times, and paths whose decoded form holds control characters.
 * Runs right after the request-id filter, at the gateway and in every service.
 */
public class RequestInputWebFilter implements WebFilter, Ordered {

    /** More values of one parameter than any Baeum endpoint reads (multi-select filters included). */
    static final int MAX_VALUES_PER_PARAMETER = 50;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getURI().getPath();   // decoded: %00 is NUL here
        if (path != null && ControlCharacters.forbiddenIn(path, false)) {
            return Mono.error(new RejectedInputException("control character in the path",
                    List.of(new RejectedInputException.Field("path", ControlCharacters.CODE))));
        }
        if (exchange.getRequest().getURI().getRawQuery() == null) {
            return chain.filter(exchange);
        }
        MultiValueMap<String, String> params;
        try {
            params = exchange.getRequest().getQueryParams();
        } catch (IllegalArgumentException malformedEscape) {
            return Mono.error(new RejectedInputException("malformed query string", List.of()));
        }
        List<RejectedInputException.Field> refused = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String name = param.getKey();
            if (ControlCharacters.forbiddenIn(name, false)) {
                refused.add(new RejectedInputException.Field("query", ControlCharacters.CODE));
                continue;
            }
            if (param.getValue().size() > MAX_VALUES_PER_PARAMETER) {
                refused.add(new RejectedInputException.Field(name, "TooManyValues"));
                continue;
            }
            for (String value : param.getValue()) {
                if (value != null && ControlCharacters.forbiddenIn(value, false)) {
                    refused.add(new RejectedInputException.Field(name, ControlCharacters.CODE));
                    break;
                }
            }
        }
        return refused.isEmpty() ? chain.filter(exchange)
                : Mono.error(new RejectedInputException("query parameters refused", refused));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

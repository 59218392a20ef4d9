package io.baeum.common.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;
import io.baeum.common.web.ApiErrorWebExceptionHandler;
import io.baeum.common.web.ApiResponse;

/**
 * Writes 401 and 403 as the {@link ApiResponse} envelope with an RFC 6750 {@code WWW-Authenticate}
 * challenge. The body says only that a valid token is required or that access is denied: why a
 * token was refused stays in the server's debug log.
 */
final class SecurityErrorResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final String UNAUTHORIZED_CODE = "UNAUTHORIZED";
    static final String FORBIDDEN_CODE = "FORBIDDEN";

    private final ApiErrorWebExceptionHandler errors;

    SecurityErrorResponses(ApiErrorWebExceptionHandler errors) {
        this.errors = errors;
    }

    /** 401: no token ({@code Bearer}) or a refused one ({@code Bearer error="invalid_token"}). */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        String challenge = ex instanceof InvalidBearerTokenException
                ? "Bearer error=\"invalid_token\""
                : "Bearer";
        return write(exchange, ErrorKind.UNAUTHENTICATED, challenge, UNAUTHORIZED_CODE, "A valid access token is required.");
    }

    /** 403: a valid token without the role the resource needs. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(exchange, ErrorKind.FORBIDDEN, "Bearer error=\"insufficient_scope\"", FORBIDDEN_CODE,
                "You are not allowed to do this.");
    }

    private Mono<Void> write(ServerWebExchange exchange, ErrorKind kind, String challenge, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        headers.setCacheControl("no-store");
        // same envelope, texts (en/ko) and request id as every other error of the service
        return errors.handle(exchange, new DomainException(kind, code, detail));
    }
}

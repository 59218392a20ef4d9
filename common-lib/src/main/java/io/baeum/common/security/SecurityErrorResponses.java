package io.baeum.common.security;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.common.web.ApiError;
import io.baeum.common.web.ApiResponse;

/**
 * Writes 401 and 403 as the {@link ApiResponse} envelope with an RFC 6750 {@code WWW-Authenticate}
 * challenge. The body says only that a valid token is required or that access is denied: why a
 * token was refused stays in the server's debug log.
 */
final class SecurityErrorResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final String UNAUTHORIZED_CODE = "UNAUTHORIZED";
    static final String FORBIDDEN_CODE = "FORBIDDEN";

    private final JsonMapper json;

    SecurityErrorResponses(JsonMapper json) {
        this.json = json;
    }

    /** 401: no token ({@code Bearer}) or a refused one ({@code Bearer error="invalid_token"}). */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        String challenge = ex instanceof InvalidBearerTokenException
                ? "Bearer error=\"invalid_token\""
                : "Bearer";
        boolean korean = isKorean(exchange);
        return write(exchange, HttpStatus.UNAUTHORIZED, challenge, UNAUTHORIZED_CODE,
                korean ? "인증 필요" : "Unauthorized",
                korean ? "유효한 액세스 토큰이 필요합니다." : "A valid access token is required.");
    }

    /** 403: a valid token without the role the resource needs. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        boolean korean = isKorean(exchange);
        return write(exchange, HttpStatus.FORBIDDEN, "Bearer error=\"insufficient_scope\"", FORBIDDEN_CODE,
                korean ? "권한 없음" : "Forbidden",
                korean ? "이 리소스에 접근할 권한이 없습니다." : "You do not have permission to access this resource.");
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String challenge, String code,
            String title, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ApiError error = new ApiError(URI.create("about:blank"), title, status.value(), detail,
                exchange.getRequest().getPath().value(), code, null);
        ApiResponse<Void> body = ApiResponse.failure(error, Map.of("requestId", exchange.getRequest().getId()));
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setCacheControl("no-store");
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(body))));
    }

    private static boolean isKorean(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale != null && "ko".equals(locale.getLanguage());
    }
}

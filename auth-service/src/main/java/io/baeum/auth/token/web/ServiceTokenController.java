package io.baeum.auth.token.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.auth.token.ServiceTokens;
import io.baeum.common.web.ApiResponse;
import io.baeum.common.web.DomainException;

/** {@code POST /api/v1/auth/token}: the OAuth 2.0 client-credentials grant for services. */
@RestController
class ServiceTokenController {

    private final ServiceTokens tokens;

    ServiceTokenController(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ApiResponse<ServiceTokens.ServiceToken>> token(ServerWebExchange exchange,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return exchange.getFormData().map(form -> {
            if (!"client_credentials".equals(form.getFirst("grant_type"))) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "UNSUPPORTED_GRANT_TYPE",
                        "Only grant_type=client_credentials is supported here.");
            }
            String[] basic = basic(authorization);
            String clientId = basic != null ? basic[0] : form.getFirst("client_id");
            String secret = basic != null ? basic[1] : form.getFirst("client_secret");
            return ApiResponse.ok(tokens.issue(clientId, secret, form.getFirst("scope")));
        });
    }

    private static String @Nullable [] basic(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}

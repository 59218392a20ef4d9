package io.baeum.auth.token.web;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.auth.token.ServiceTokens;
import io.baeum.common.web.ApiResponse;
import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

/**
 * {@code POST /api/v1/auth/token}: the OAuth 2.0 client-credentials grant for services, with the
 * client authenticated by {@code client_id} and {@code client_secret} in the form body
 * ({@code client_secret_post}; the Authorization header is reserved for bearer tokens here).
 */
@RestController
class ServiceTokenController {

    private final ServiceTokens tokens;

    ServiceTokenController(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ApiResponse<ServiceTokens.ServiceToken>> token(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        return exchange.getFormData().map(form -> {
            if (!"client_credentials".equals(form.getFirst("grant_type"))) {
                throw new DomainException(ErrorKind.INVALID, "UNSUPPORTED_GRANT_TYPE",
                        "Only grant_type=client_credentials is supported here.");
            }
            return ApiResponse.ok(tokens.issue(form.getFirst("client_id"), form.getFirst("client_secret"),
                    form.getFirst("scope")));
        });
    }
}

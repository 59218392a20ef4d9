package io.baeum.auth.token.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
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

    /** The form fields, for the OpenAPI document only (the handler reads the form itself). */
    record TokenRequest(
            @JsonProperty("grant_type") @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = "client_credentials") String grantType,
            @JsonProperty("client_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100)
            String clientId,
            @JsonProperty("client_secret") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200,
                    format = "password") String clientSecret,
            @Schema(description = "space-separated scopes; all the client's scopes when absent", maxLength = 500)
            String scope) {
    }

    @PostMapping(path = "/api/v1/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE, schema = @Schema(implementation = TokenRequest.class)))
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

package io.baeum.auth.identity.web;

import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.auth.identity.IdentityVerificationService;
import io.baeum.auth.session.TokenPair;
import io.baeum.auth.shared.ClientInfo;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;
import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

@RestController
class IdentityVerificationController {

    private final IdentityVerificationService verifications;

    IdentityVerificationController(IdentityVerificationService verifications) {
        this.verifications = verifications;
    }

    @PostMapping("/api/v1/identity-verifications")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<IdentityVerificationService.Started>> start(@AuthenticationPrincipal VerifiedAccessToken token) {
        return verifications.start(UUID.fromString(token.subject())).map(ApiResponse::ok);
    }

    @PostMapping("/api/v1/identity-verifications/{id}/complete")
    Mono<ApiResponse<TokenPair>> complete(@AuthenticationPrincipal VerifiedAccessToken token, @PathVariable String id,
            ServerWebExchange exchange) {
        if (!id.matches("idv-[0-9a-f-]{36}")) {
            return Mono.error(new DomainException(ErrorKind.NOT_FOUND, "IDV_NOT_FOUND", "No such identity verification."));
        }
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        return verifications.complete(UUID.fromString(token.subject()), UUID.fromString(token.sessionId()), id,
                ClientInfo.from(exchange)).map(ApiResponse::ok);
    }
}

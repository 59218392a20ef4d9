package io.baeum.auth.social.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.auth.shared.ClientInfo;
import io.baeum.auth.social.SocialLoginService;
import io.baeum.auth.terms.domain.TermRef;
import io.baeum.common.web.ApiResponse;

@RestController
class SocialLoginController {

    private final SocialLoginService social;

    SocialLoginController(SocialLoginService social) {
        this.social = social;
    }

    @GetMapping("/api/v1/auth/social/{provider}/authorize")
    Mono<ApiResponse<SocialLoginService.Authorization>> authorize(@PathVariable String provider) {
        return Mono.defer(() -> social.authorize(provider)).map(ApiResponse::ok);
    }

    record AgreedTerm(@NotBlank @Size(max = 40) String code, @Min(1) int version) {
    }

    record Callback(@NotBlank @Size(max = 2048) String code, @NotBlank @Size(max = 100) String state,
            @Nullable @Size(max = 20) List<@Valid @NotNull AgreedTerm> agreedTerms) {
    }

    @PostMapping("/api/v1/auth/social/{provider}/callback")
    Mono<ApiResponse<SocialLoginService.Result>> callback(@PathVariable String provider,
            @Valid @RequestBody Callback callback, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        List<TermRef> agreed = callback.agreedTerms() == null ? List.of()
                : callback.agreedTerms().stream().map(t -> new TermRef(t.code(), t.version())).toList();
        return Mono.defer(() -> social.callback(provider, callback.code(), callback.state(), agreed,
                ClientInfo.from(exchange))).map(ApiResponse::ok);
    }

    record Link(@NotBlank @Size(max = 100) String linkTicket, @NotBlank @Size(max = 128) String password) {
    }

    @PostMapping("/api/v1/auth/social/link")
    Mono<ApiResponse<SocialLoginService.Result>> link(@Valid @RequestBody Link link, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        return social.link(link.linkTicket(), link.password(), ClientInfo.from(exchange)).map(ApiResponse::ok);
    }
}

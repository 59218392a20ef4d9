package io.baeum.auth.account.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.auth.account.AccountService;
import io.baeum.auth.session.SessionService;
import io.baeum.auth.session.TokenPair;
import io.baeum.auth.shared.ClientInfo;
import io.baeum.auth.terms.domain.TermRef;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;

/** Sign-up, sign-in, token refresh and sign-out. */
@RestController
class AuthController {

    private final AccountService accounts;
    private final SessionService sessions;

    AuthController(AccountService accounts, SessionService sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    record AgreedTerm(@NotBlank @Size(max = 40) String code, @Min(1) int version) {
    }

    record SignUpRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 128) String password,
            @NotBlank @Size(max = 50) String name,
            @NotBlank @Size(max = 20) String phone,
            @NotNull @Size(max = 20) List<@Valid @NotNull AgreedTerm> agreedTerms) {
    }

    record LogInRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    @PostMapping("/api/v1/auth/signup")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<MemberView>> signUp(@Valid @RequestBody SignUpRequest request, ServerWebExchange exchange) {
        List<TermRef> agreed = request.agreedTerms().stream().map(t -> new TermRef(t.code(), t.version())).toList();
        return accounts.signUp(request.email(), request.password(), request.name(), request.phone(), agreed,
                        ClientInfo.from(exchange))
                .map(account -> ApiResponse.ok(MemberView.of(account)));
    }

    @PostMapping("/api/v1/auth/login")
    Mono<ApiResponse<TokenPair>> logIn(@Valid @RequestBody LogInRequest request, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        return accounts.logIn(request.email(), request.password(), ClientInfo.from(exchange)).map(ApiResponse::ok);
    }

    @PostMapping("/api/v1/auth/refresh")
    Mono<ApiResponse<TokenPair>> refresh(@Valid @RequestBody RefreshRequest request, ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().setCacheControl("no-store");
        return sessions.refresh(request.refreshToken()).map(ApiResponse::ok);
    }

    record LoggedOut(String sessionId) {
    }

    @PostMapping("/api/v1/auth/logout")
    Mono<ApiResponse<LoggedOut>> logOut(@AuthenticationPrincipal VerifiedAccessToken token) {
        return sessions.logout(UUID.fromString(token.sessionId()))
                .thenReturn(ApiResponse.ok(new LoggedOut(token.sessionId())));
    }
}

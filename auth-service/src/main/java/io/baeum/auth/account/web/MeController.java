package io.baeum.auth.account.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.auth.account.AccountService;
import io.baeum.auth.account.domain.Role;
import io.baeum.auth.account.domain.RoleRequest;
import io.baeum.auth.shared.ClientInfo;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;

/** The signed-in member's own account. */
@RestController
class MeController {

    private final AccountService accounts;

    MeController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/me")
    Mono<ApiResponse<MemberView>> me(@AuthenticationPrincipal VerifiedAccessToken token) {
        return accounts.me(accountId(token)).map(account -> ApiResponse.ok(MemberView.of(account)));
    }

    record ChangePasswordRequest(@NotBlank @Size(max = 128) String currentPassword,
            @NotBlank @Size(max = 128) String newPassword) {
    }

    record PasswordChanged(long sessionsRevoked) {
    }

    @PostMapping("/api/v1/me/password")
    Mono<ApiResponse<PasswordChanged>> changePassword(@AuthenticationPrincipal VerifiedAccessToken token,
            @Valid @RequestBody ChangePasswordRequest request, ServerWebExchange exchange) {
        return accounts.changePassword(accountId(token), request.currentPassword(), request.newPassword(),
                ClientInfo.from(exchange)).map(n -> ApiResponse.ok(new PasswordChanged(n)));
    }

    record RoleRequestBody(@NotNull Role role) {
    }

    record RoleRequestView(UUID id, String role, String status, java.time.Instant requestedAt,
            java.time.@org.jspecify.annotations.Nullable Instant decidedAt) {

        static RoleRequestView of(RoleRequest request) {
            return new RoleRequestView(request.id(), request.role().name(), request.status().name(),
                    request.requestedAt(), request.decidedAt());
        }
    }

    @PostMapping("/api/v1/me/role-requests")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<RoleRequestView>> requestRole(@AuthenticationPrincipal VerifiedAccessToken token,
            @Valid @RequestBody RoleRequestBody body, ServerWebExchange exchange) {
        return accounts.requestRole(accountId(token), body.role(), ClientInfo.from(exchange))
                .map(request -> ApiResponse.ok(RoleRequestView.of(request)));
    }

    @GetMapping("/api/v1/me/role-requests")
    Mono<ApiResponse<List<RoleRequestView>>> myRoleRequests(@AuthenticationPrincipal VerifiedAccessToken token) {
        return accounts.roleRequestsOf(accountId(token)).map(RoleRequestView::of).collectList().map(ApiResponse::ok);
    }

    static UUID accountId(VerifiedAccessToken token) {
        return UUID.fromString(token.subject());
    }
}

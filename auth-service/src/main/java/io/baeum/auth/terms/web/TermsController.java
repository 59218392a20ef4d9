package io.baeum.auth.terms.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.baeum.auth.shared.ClientInfo;
import io.baeum.auth.terms.TermsService;
import io.baeum.auth.terms.domain.Term;
import io.baeum.auth.terms.domain.TermRef;
import io.baeum.auth.terms.persistence.TermStore;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;

/** Terms (public), a member's consents, and admin publication of new versions. */
@RestController
class TermsController {

    private final TermsService terms;

    TermsController(TermsService terms) {
        this.terms = terms;
    }

    record TermView(String code, int version, String title, String contentUrl, boolean required, Instant effectiveAt) {

        static TermView of(Term term) {
            return new TermView(term.code(), term.version(), term.title(), term.contentUrl(), term.required(),
                    term.effectiveAt());
        }
    }

    @GetMapping("/api/v1/terms")
    Mono<ApiResponse<List<TermView>>> current() {
        return terms.current().map(TermView::of).collectList().map(ApiResponse::ok);
    }

    record ConsentView(String termCode, int termVersion, String action, Instant recordedAt, @Nullable String clientIp) {

        static ConsentView of(TermStore.ConsentRow row) {
            return new ConsentView(row.termCode(), row.termVersion(), row.action(), row.recordedAt(), row.clientIp());
        }
    }

    @GetMapping("/api/v1/me/consents")
    Mono<ApiResponse<List<ConsentView>>> myConsents(@AuthenticationPrincipal VerifiedAccessToken token) {
        return terms.history(UUID.fromString(token.subject())).map(ConsentView::of).collectList().map(ApiResponse::ok);
    }

    record AgreeRequest(@NotBlank @Size(max = 40) String code, @Min(1) int version) {
    }

    @PostMapping("/api/v1/me/consents")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<Void>> agree(@AuthenticationPrincipal VerifiedAccessToken token,
            @Valid @RequestBody AgreeRequest request, ServerWebExchange exchange) {
        return terms.agree(UUID.fromString(token.subject()), new TermRef(request.code(), request.version()),
                ClientInfo.from(exchange)).thenReturn(ApiResponse.ok(null));
    }

    @PostMapping("/api/v1/me/consents/{code}/withdraw")
    Mono<ApiResponse<Void>> withdraw(@AuthenticationPrincipal VerifiedAccessToken token, @PathVariable String code,
            ServerWebExchange exchange) {
        return terms.withdraw(UUID.fromString(token.subject()), code, ClientInfo.from(exchange))
                .thenReturn(ApiResponse.ok(null));
    }

    @GetMapping("/api/v1/admin/terms")
    Mono<ApiResponse<List<TermView>>> all() {
        return terms.all().map(TermView::of).collectList().map(ApiResponse::ok);
    }

    record PublishRequest(@NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String code, @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 500) String contentUrl, boolean required, @Nullable Instant effectiveAt) {
    }

    @PostMapping("/api/v1/admin/terms")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<TermView>> publish(@AuthenticationPrincipal VerifiedAccessToken token,
            @Valid @RequestBody PublishRequest request, ServerWebExchange exchange) {
        return terms.publish(request.code(), request.title(), request.contentUrl(), request.required(),
                        request.effectiveAt(), UUID.fromString(token.subject()), ClientInfo.from(exchange))
                .map(term -> ApiResponse.ok(TermView.of(term)));
    }
}

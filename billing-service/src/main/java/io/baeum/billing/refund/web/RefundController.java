package io.baeum.billing.refund.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.billing.refund.RefundService;
import io.baeum.billing.refund.domain.Refund;
import io.baeum.billing.refund.domain.RefundMethod;
import io.baeum.billing.refund.persistence.RefundStore;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;

/** Refund quotes and requests for trainees; decisions, direct refunds and overdue refunds for admins. */
@RestController
class RefundController {

    /** Printable text without control characters (reasons end up on receipts and in the audit trail). */
    static final String TEXT = "[^\\p{Cntrl}]*";

    private final RefundService service;
    private final RefundStore refunds;

    RefundController(RefundService service, RefundStore refunds) {
        this.service = service;
        this.refunds = refunds;
    }

    record QuoteView(long amount, RefundMethod method, String explanation) {
    }

    record RefundView(UUID id, UUID orderId, UUID cohortId, String accountId, long amount, String method, String explanation,
                      String reason, Refund.Status status, Instant requestedAt, @Nullable Instant decidedAt,
                      @Nullable Instant completedAt, @Nullable String receiptUrl) {
        static RefundView of(Refund r) {
            return new RefundView(r.id(), r.orderId(), r.cohortId(), r.accountId(), r.amount(), r.method(), r.explanation(), r.reason(),
                    r.status(), r.requestedAt(), r.decidedAt(), r.completedAt(), r.receiptUrl());
        }
    }

    record RefundRequest(@NotNull UUID orderId, @NotNull UUID cohortId,
                         @NotBlank @Size(max = 500) @Pattern(regexp = TEXT) String reason) {
    }

    record Decision(@NotBlank @Size(max = 500) @Pattern(regexp = TEXT) String reason) {
    }

    record DirectRefund(@NotNull UUID cohortId, @NotNull @Min(1) @Max(1_000_000_000L) Long amount,
                        @NotBlank @Size(max = 500) @Pattern(regexp = TEXT) String reason) {
    }

    @GetMapping("/api/v1/billing/orders/{orderId}/lines/{cohortId}/refund-quote")
    Mono<ApiResponse<QuoteView>> quote(@PathVariable UUID orderId, @PathVariable UUID cohortId,
                                       @AuthenticationPrincipal VerifiedAccessToken caller) {
        return service.quote(orderId, cohortId, caller.subject())
                .map(q -> ApiResponse.ok(new QuoteView(q.amount(), q.method(), q.explanation())));
    }

    @PostMapping("/api/v1/billing/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<RefundView>> request(@Valid @RequestBody RefundRequest request, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return service.request(request.orderId(), request.cohortId(), caller.subject(), request.reason())
                .map(r -> ApiResponse.ok(RefundView.of(r)));
    }

    @GetMapping("/api/v1/billing/refunds")
    Mono<ApiResponse<List<RefundView>>> mine(@AuthenticationPrincipal VerifiedAccessToken caller) {
        return refunds.ofAccount(caller.subject()).map(RefundView::of).collectList().map(ApiResponse::ok);
    }

    @GetMapping("/api/v1/admin/billing/refunds")
    Mono<ApiResponse<List<RefundView>>> open(@RequestParam(defaultValue = "false") boolean overdue) {
        return service.open(overdue).map(RefundView::of).collectList().map(ApiResponse::ok);
    }

    @PostMapping("/api/v1/admin/billing/refunds/{id}/approve")
    Mono<ApiResponse<RefundView>> approve(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return service.approve(id, caller.subject()).map(r -> ApiResponse.ok(RefundView.of(r)));
    }

    @PostMapping("/api/v1/admin/billing/refunds/{id}/reject")
    Mono<ApiResponse<RefundView>> reject(@PathVariable UUID id, @Valid @RequestBody Decision decision,
                                         @AuthenticationPrincipal VerifiedAccessToken caller) {
        return service.reject(id, caller.subject(), decision.reason()).map(r -> ApiResponse.ok(RefundView.of(r)));
    }

    @PostMapping("/api/v1/admin/billing/orders/{orderId}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApiResponse<RefundView>> refundNow(@PathVariable UUID orderId, @Valid @RequestBody DirectRefund refund,
                                            @AuthenticationPrincipal VerifiedAccessToken caller) {
        return service.refundNow(orderId, refund.cohortId(), refund.amount(), refund.reason(), caller.subject())
                .map(r -> ApiResponse.ok(RefundView.of(r)));
    }
}

package io.baeum.billing.receipt.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.baeum.billing.config.BillingProperties;
import io.baeum.billing.order.domain.Order;
import io.baeum.billing.receipt.ReceiptService;
import io.baeum.billing.receipt.domain.Purchase;
import io.baeum.billing.refund.domain.Refund;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.common.web.ApiResponse;

/**
 * The trainee's orders, payments and refunds with PortOne's receipt links, and our printable receipt of
 * a paid order (HTML for the browser to print, PDF to keep). Owner or admin only; no card or account
 * details exist here (B5).
 */
@RestController
class ReceiptController {

    private final ReceiptService receipts;
    private final BillingProperties properties;
    private final ReceiptPdf pdf;

    ReceiptController(ReceiptService receipts, BillingProperties properties) {
        this.receipts = receipts;
        this.properties = properties;
        this.pdf = new ReceiptPdf(properties.receipts().font(), properties.zone(), properties.receipts().issuer());
    }

    record RefundEntry(UUID id, UUID cohortId, long amount, Refund.Status status, Instant requestedAt,
                       @Nullable Instant completedAt, @Nullable String receiptUrl) {
    }

    /**
     * @param receiptUrl PortOne's receipt of the payment
     * @param receipt    our printable receipt (HTML; {@code receipt.pdf} beside it), for paid orders
     */
    record PurchaseEntry(UUID orderId, String paymentId, String orderName, long amount, String currency, Order.Status status,
                         Instant createdAt, @Nullable Instant paidAt, @Nullable String receiptUrl, long refunded, long net,
                         List<RefundEntry> refunds, @Nullable String receipt) {
        static PurchaseEntry of(Purchase p) {
            Order o = p.order();
            return new PurchaseEntry(o.id(), o.paymentId(), o.orderName(), o.amount(), o.currency(), o.status(), o.createdAt(),
                    o.paidAt(), o.receiptUrl(), p.refunded(), o.status() == Order.Status.PAID ? o.amount() - p.refunded() : 0,
                    p.refunds().stream().map(r -> new RefundEntry(r.id(), r.cohortId(), r.amount(), r.status(), r.requestedAt(),
                            r.completedAt(), r.receiptUrl())).toList(),
                    p.hasReceipt() ? "/api/v1/billing/orders/" + o.id() + "/receipt" : null);
        }
    }

    @GetMapping("/api/v1/billing/receipts")
    Mono<ApiResponse<List<PurchaseEntry>>> history(@AuthenticationPrincipal VerifiedAccessToken caller) {
        return receipts.history(caller.subject()).map(list -> ApiResponse.ok(list.stream().map(PurchaseEntry::of).toList()));
    }

    @GetMapping(path = "/api/v1/billing/orders/{id}/receipt", produces = MediaType.TEXT_HTML_VALUE)
    Mono<ResponseEntity<String>> html(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return receipts.receipt(id, caller).map(r -> ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "private, no-store")
                .body(ReceiptHtml.render(r, properties.zone(), properties.receipts().issuer())));
    }

    @GetMapping(path = "/api/v1/billing/orders/{id}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return receipts.receipt(id, caller)
                .flatMap(r -> Mono.fromCallable(() -> pdf.render(r)).subscribeOn(Schedulers.boundedElastic()))
                .map(bytes -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header("Cache-Control", "private, no-store")
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("receipt-" + id + ".pdf").build().toString())
                        .body(bytes));
    }
}

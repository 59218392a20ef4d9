package io.baeum.billing.receipt.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import reactor.core.publisher.Mono;

import io.baeum.billing.config.BillingProperties;
import io.baeum.billing.order.OrderService;
import io.baeum.billing.order.domain.Order;
import io.baeum.billing.refund.persistence.RefundStore;
import io.baeum.common.error.DomainException;
import io.baeum.common.security.VerifiedAccessToken;

/**
 * The trainee's printable receipt of a paid order (HTML; the browser prints it), with the refunds made
 * and PortOne's own receipt link. Only amounts and dates: no card or account details exist here (B5).
 */
@RestController
class ReceiptController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final OrderService orders;
    private final RefundStore refunds;
    private final ZoneId zone;

    ReceiptController(OrderService orders, RefundStore refunds, BillingProperties properties) {
        this.orders = orders;
        this.refunds = refunds;
        this.zone = properties.zone();
    }

    @GetMapping(path = "/api/v1/billing/orders/{id}/receipt", produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> receipt(@PathVariable UUID id, @AuthenticationPrincipal VerifiedAccessToken caller) {
        return orders.ownOrder(id, caller.subject())
                .filter(o -> o.status() == Order.Status.PAID)
                .switchIfEmpty(Mono.error(() -> DomainException.conflict("ORDER_NOT_PAID", "only a paid order has a receipt")))
                .flatMap(order -> refunds.ofAccount(caller.subject()).filter(r -> r.orderId().equals(order.id())
                                && r.status() == io.baeum.billing.refund.domain.Refund.Status.COMPLETED).collectList()
                        .map(done -> {
                            StringBuilder html = new StringBuilder("<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\">"
                                    + "<title>영수증 " + esc(order.id().toString()) + "</title><style>body{font-family:sans-serif;max-width:40em;margin:2em auto}"
                                    + "td,th{padding:.3em .6em;border-bottom:1px solid #ccc;text-align:left}td.n{text-align:right}</style></head><body>"
                                    + "<h1>영수증 (Receipt)</h1><p>주문번호 " + esc(order.id().toString()) + "<br>결제일 "
                                    + DAY.format(order.paidAt().atZone(zone)) + "</p><table><tr><th>과정</th><th>금액</th></tr>");
                            order.lines().forEach(l -> html.append("<tr><td>").append(esc(l.courseTitle())).append("</td><td class=\"n\">")
                                    .append(String.format("%,d", l.price())).append(' ').append(esc(order.currency())).append("</td></tr>"));
                            html.append("<tr><th>합계</th><th class=\"n\">").append(String.format("%,d", order.amount())).append(' ')
                                    .append(esc(order.currency())).append("</th></tr>");
                            long refunded = 0;
                            for (var r : done) {
                                refunded += r.amount();
                                html.append("<tr><td>환불 ").append(DAY.format(r.completedAt().atZone(zone))).append("</td><td class=\"n\">-")
                                        .append(String.format("%,d", r.amount())).append("</td></tr>");
                            }
                            html.append("<tr><th>실 결제액</th><th class=\"n\">").append(String.format("%,d", order.amount() - refunded))
                                    .append("</th></tr></table>");
                            if (order.receiptUrl() != null) {
                                html.append("<p><a href=\"").append(esc(order.receiptUrl())).append("\">카드사/PG 영수증 (PortOne)</a></p>");
                            }
                            return html.append("</body></html>").toString();
                        }));
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}

package io.baeum.billing.receipt.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.web.util.HtmlUtils;

import io.baeum.billing.receipt.domain.Receipt;

/** Our receipt as a printable Korean HTML page; every value from the database is escaped. */
final class ReceiptHtml {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReceiptHtml() {
    }

    static String render(Receipt receipt, ZoneId zone, String issuer) {
        String currency = esc(receipt.currency());
        StringBuilder html = new StringBuilder(2048)
                .append("<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>영수증 ")
                .append(esc(receipt.orderId().toString())).append("</title><style>")
                .append("body{font-family:'Nanum Gothic',sans-serif;max-width:40em;margin:2em auto}")
                .append("td,th{padding:.3em .6em;border-bottom:1px solid #ccc;text-align:left}.n{text-align:right}")
                .append("@media print{a{color:inherit}}</style></head><body>")
                .append("<h1>영수증</h1><dl>")
                .append("<dt>주문번호</dt><dd>").append(esc(receipt.orderId().toString())).append("</dd>")
                .append("<dt>결제번호</dt><dd>").append(esc(receipt.paymentId())).append("</dd>")
                .append("<dt>주문명</dt><dd>").append(esc(receipt.orderName())).append("</dd>")
                .append("<dt>결제일시</dt><dd>").append(WHEN.format(receipt.paidAt().atZone(zone))).append(" (")
                .append(esc(zone.getId())).append(")</dd></dl>")
                .append("<table><thead><tr><th>과정</th><th class=\"n\">금액</th></tr></thead><tbody>");
        for (Receipt.Line line : receipt.lines()) {
            html.append("<tr><td>").append(esc(line.courseTitle())).append("</td><td class=\"n\">")
                    .append(won(line.price())).append(' ').append(currency).append("</td></tr>");
        }
        html.append("<tr><th>결제금액</th><th class=\"n\">").append(won(receipt.paid())).append(' ').append(currency).append("</th></tr>");
        for (Receipt.RefundLine refund : receipt.refunds()) {
            html.append("<tr><td>환불 ").append(WHEN.format(refund.completedAt().atZone(zone))).append(" · ")
                    .append(esc(refund.courseTitle())).append("</td><td class=\"n\">-").append(won(refund.amount())).append(' ')
                    .append(currency).append("</td></tr>");
        }
        html.append("<tr><th>최종 결제금액</th><th class=\"n\">").append(won(receipt.net())).append(' ').append(currency)
                .append("</th></tr></tbody></table>");
        if (receipt.receiptUrl() != null) {
            html.append("<p><a href=\"").append(esc(receipt.receiptUrl())).append("\" rel=\"noopener noreferrer\">카드사·PG 영수증 (PortOne)</a></p>");
        }
        return html.append("<p>발행: ").append(esc(issuer)).append("</p></body></html>").toString();
    }

    static String won(long amount) {
        return String.format("%,d", amount);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}

package io.baeum.billing.payment.web;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.billing.payment.PaymentEvents;
import io.baeum.common.web.ApiResponse;

/**
 * PortOne V2's webhook (public at the gateway; authenticated by its Standard Webhooks signature over
 * the raw body). Answers 200 fast once the delivery is verified and recorded — also for duplicates and
 * types billing does not handle — and 4xx only for missing headers and bad or stale signatures.
 */
@RestController
class WebhookController {

    private final PaymentEvents events;

    WebhookController(PaymentEvents events) {
        this.events = events;
    }

    record WebhookReceipt(PaymentEvents.Receipt outcome) {
    }

    @PostMapping(path = "/api/v1/billing/webhooks/portone", consumes = "*/*")
    Mono<ApiResponse<WebhookReceipt>> receive(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
        return events.webhook(headers.get("webhook-id"), headers.get("webhook-timestamp"), headers.get("webhook-signature"),
                        body == null ? new byte[0] : body)
                .map(r -> ApiResponse.ok(new WebhookReceipt(r)));
    }
}

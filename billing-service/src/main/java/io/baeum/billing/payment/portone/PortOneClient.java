package io.baeum.billing.payment.portone;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.billing.config.BillingProperties;
import io.baeum.billing.payment.domain.PaymentGateway;
import io.baeum.billing.payment.domain.PaymentSnapshot;
import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

/**
 * PortOne V2's REST API ({@code https://api.portone.io}, header {@code Authorization: PortOne <secret>}):
 * {@code GET /payments/{paymentId}} and {@code POST /payments/{paymentId}/cancel}. The only class that
 * knows PortOne's wire format. Reads {@code status}, {@code amount.total}, {@code amount.cancelled},
 * {@code currency}, {@code receiptUrl} and {@code paidAt}; every other field (card details among them) is
 * ignored and never kept. Errors are PortOne's {@code {type, message}}.
 *
 * <p>Resilience: a timeout per request; reads are retried with backoff on transient faults only
 * (timeouts, connection errors, 429, 5xx); a cancellation is retried only when it never reached PortOne
 * (a connection refused), since a retried cancel after a lost answer would be refused as inconsistent;
 * one circuit breaker opens after repeated failures so a PortOne outage answers at once with
 * {@value PaymentGateway#UNAVAILABLE}.
 */
public final class PortOneClient implements PaymentGateway {

    private static final JsonMapper ERRORS = JsonMapper.builder().build();

    private final WebClient client;
    private final BillingProperties.PortOne properties;
    private final CircuitBreaker breaker;

    public PortOneClient(WebClient.Builder builder, BillingProperties.PortOne properties) {
        if (properties.apiSecret() == null || properties.apiSecret().isBlank()) {
            throw new IllegalStateException("baeum.billing.portone.api-secret is required with the portone adapter");
        }
        this.properties = properties;
        this.client = builder.baseUrl(properties.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "PortOne " + properties.apiSecret())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
        this.breaker = CircuitBreaker.of("portone", CircuitBreakerConfig.custom()
                .slidingWindowSize(20).minimumNumberOfCalls(10).failureRateThreshold(50)
                .waitDurationInOpenState(properties.breakerOpenFor())
                .recordException(e -> transientFailure(Exceptions.isRetryExhausted(e) && e.getCause() != null ? e.getCause() : e))
                .build());
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public Mono<PaymentSnapshot> find(String paymentId) {
        return client.get().uri("/payments/{paymentId}", paymentId)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(properties.timeout())
                .retryWhen(Retry.backoff(properties.retries(), Duration.ofMillis(200)).filter(PortOneClient::transientFailure))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .map(body -> snapshot(paymentId, body))
                .onErrorResume(e -> isNotFound(e) ? Mono.just(PaymentSnapshot.notFound(paymentId)) : Mono.error(translate(e)));
    }

    @Override
    public Mono<Cancellation> cancel(CancelRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (properties.storeId() != null) {
            body.put("storeId", properties.storeId());
        }
        body.put("amount", request.amount());
        body.put("reason", request.reason());
        body.put("requester", "ADMIN");
        body.put("currentCancellableAmount", request.currentCancellableAmount());
        return client.post().uri("/payments/{paymentId}/cancel", request.paymentId())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(properties.timeout())
                .retryWhen(Retry.backoff(properties.retries(), Duration.ofMillis(200)).filter(PortOneClient::neverSent))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .map(PortOneClient::cancellation)
                .onErrorMap(e -> !(e instanceof DomainException), PortOneClient::translate);
    }

    static PaymentSnapshot snapshot(String paymentId, JsonNode body) {
        JsonNode amount = body.path("amount");
        return new PaymentSnapshot(paymentId, PaymentSnapshot.Status.of(text(body, "status")),
                amount.hasNonNull("total") ? amount.get("total").asLong() : null,
                amount.path("cancelled").asLong(0), text(body, "currency"), text(body, "receiptUrl"), instant(text(body, "paidAt")));
    }

    static Cancellation cancellation(JsonNode body) {
        JsonNode c = body.path("cancellation");
        String id = text(c, "id");
        return new Cancellation(id == null ? "unknown" : id, text(c, "status") == null ? "SUCCEEDED" : text(c, "status"),
                c.path("totalAmount").asLong(0), text(c, "receiptUrl"));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static @Nullable Instant instant(@Nullable String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean transientFailure(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError() || response.getStatusCode().value() == 429;
        }
        return error instanceof TimeoutException || error instanceof WebClientRequestException;
    }

    private static boolean neverSent(Throwable error) {
        return error instanceof WebClientRequestException e && e.getCause() instanceof java.net.ConnectException;
    }

    private static boolean isNotFound(Throwable error) {
        return error instanceof WebClientResponseException.NotFound nf && "PAYMENT_NOT_FOUND".equals(errorType(nf));
    }

    private static @Nullable String errorType(WebClientResponseException e) {
        try {
            return text(ERRORS.readTree(e.getResponseBodyAsString()), "type");
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static DomainException translate(Throwable error) {
        Throwable cause = Exceptions.isRetryExhausted(error) && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof DomainException domain) {
            return domain;
        }
        if (cause instanceof WebClientResponseException response && !transientFailure(response)) {
            String type = errorType(response);
            return switch (type == null ? "" : type) {
                case "CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT" ->
                        DomainException.conflict(CANCEL_EXCEEDS, "PortOne: the amount exceeds what can still be cancelled");
                case "CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN" ->
                        DomainException.conflict(CANCELLABLE_INCONSISTENT, "PortOne: the cancellable amount has changed");
                case "PAYMENT_ALREADY_CANCELLED" -> DomainException.conflict(ALREADY_CANCELLED, "PortOne: the payment is already cancelled");
                default -> new DomainException(ErrorKind.UNAVAILABLE, REFUSED,
                        "PortOne refused the request: " + response.getStatusCode().value() + " " + type);
            };
        }
        String what = cause instanceof CallNotPermittedException ? "circuit open" : cause.getClass().getSimpleName();
        return DomainException.unavailable(UNAVAILABLE, "PortOne did not answer: " + what);
    }
}

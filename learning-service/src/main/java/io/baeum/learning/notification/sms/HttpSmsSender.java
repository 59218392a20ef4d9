package io.baeum.learning.notification.sms;

import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import io.baeum.learning.notification.NotificationProperties;
import io.baeum.learning.notification.SmsSender;
import io.baeum.learning.notification.domain.DeliveryFailed;

/**
 * The production SMS adapter's shape: {@code POST {base-url}/v1/messages} with a bearer API key and
 * {@code {from, to, text}}, bounded by a timeout, retrying 5xx replies and network faults with backoff. The one
 * place that knows the provider's wire format (to be fitted to the chosen provider's API; not exercised by tests).
 */
@Component
@ConditionalOnProperty(name = "baeum.learning.notifications.sms.adapter", havingValue = "http")
class HttpSmsSender implements SmsSender {

    private final WebClient provider;
    private final NotificationProperties.Sms properties;

    HttpSmsSender(ObjectProvider<WebClient.Builder> webClients, NotificationProperties properties) {
        this.properties = properties.sms();
        if (this.properties.apiKey() == null || this.properties.apiKey().isBlank()) {
            throw new IllegalStateException("configure baeum.learning.notifications.sms.api-key (from a secret) for the http SMS adapter");
        }
        this.provider = webClients.getIfAvailable(WebClient::builder).clone().baseUrl(this.properties.baseUrl().toString()).build();
    }

    @Override
    public Mono<Integer> send(String phone, String text) {
        AtomicInteger attempts = new AtomicInteger();
        return Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return provider.post().uri("/v1/messages").contentType(MediaType.APPLICATION_JSON)
                            .headers(h -> h.setBearerAuth(String.valueOf(properties.apiKey())))
                            .bodyValue(Map.of("from", properties.sender(), "to", phone, "text", text))
                            .retrieve().toBodilessEntity().timeout(properties.timeout());
                })
                .retryWhen(Retry.backoff(properties.retries(), java.time.Duration.ofMillis(200)).filter(HttpSmsSender::isTransient)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .map(ok -> attempts.get())
                .onErrorMap(e -> new DeliveryFailed(e.getClass().getSimpleName() + ": " + e.getMessage(), attempts.get(),
                        isTransient(e), e));
    }

    private static boolean isTransient(Throwable e) {
        return e instanceof TimeoutException || e instanceof WebClientRequestException
                || e instanceof WebClientResponseException r && r.getStatusCode().is5xxServerError();
    }
}

package io.baeum.auth.identity.portone;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import io.baeum.auth.identity.IdentityVerificationProperties;
import io.baeum.auth.identity.domain.IdentityErrors;
import io.baeum.auth.identity.domain.IdentityVerificationProvider;
import io.baeum.auth.identity.domain.VerifiedIdentity;
import io.baeum.common.error.DomainException;
import tools.jackson.databind.JsonNode;

/**
 * PortOne V2: {@code GET /identity-verifications/{identityVerificationId}} with
 * {@code Authorization: PortOne <secret>}. The only class that knows PortOne's wire format
 * ({@code status}, {@code verifiedCustomer.{id,name,phoneNumber,ci}}, {@code pgTxId},
 * {@code verifiedAt}). Owns its resilience: a timeout per call, two retries with backoff on
 * 5xx/IO errors, 404 mapped to IDV_NOT_FOUND, everything else to IDV_PROVIDER_UNAVAILABLE.
 */
public final class PortOneIdentityVerificationProvider implements IdentityVerificationProvider {

    private final WebClient client;
    private final IdentityVerificationProperties.PortOne properties;

    public PortOneIdentityVerificationProvider(WebClient.Builder builder, IdentityVerificationProperties.PortOne properties) {
        if (properties.apiSecret() == null || properties.apiSecret().isBlank()) {
            throw new IllegalStateException("baeum.auth.identity-verification.portone.api-secret is required for PortOne");
        }
        this.properties = properties;
        this.client = builder.baseUrl(properties.baseUrl().toString())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "PortOne " + properties.apiSecret())
                .build();
    }

    @Override
    public String name() {
        return "portone";
    }

    @Override
    public Mono<VerifiedIdentity> fetch(String identityVerificationId) {
        return client.get()
                .uri(uri -> {
                    uri.path("/identity-verifications/{id}");
                    if (properties.storeId() != null) {
                        uri.queryParam("storeId", properties.storeId());
                    }
                    return uri.build(identityVerificationId);
                })
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(properties.timeout())
                .retryWhen(Retry.backoff(2, Duration.ofMillis(200)).filter(PortOneIdentityVerificationProvider::retryable))
                .map(PortOneIdentityVerificationProvider::toIdentity)
                .onErrorMap(error -> !(error instanceof DomainException), error -> {
                    Throwable cause = reactor.core.Exceptions.isRetryExhausted(error) ? error.getCause() : error;
                    if (cause instanceof WebClientResponseException response && response.getStatusCode().value() == 404) {
                        return IdentityErrors.notFound();
                    }
                    return IdentityErrors.providerUnavailable();
                });
    }

    private static boolean retryable(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError();
        }
        return !(error instanceof DomainException);
    }

    static VerifiedIdentity toIdentity(JsonNode body) {
        String status = body.path("status").asString("");
        JsonNode customer = body.path("verifiedCustomer");
        return new VerifiedIdentity(body.path("id").asString(""), "VERIFIED".equals(status), text(customer, "id"),
                text(customer, "ci"), text(customer, "phoneNumber"), text(customer, "name"), text(body, "pgTxId"),
                body.hasNonNull("verifiedAt") ? Instant.parse(body.path("verifiedAt").asString()) : null);
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}

package io.baeum.learning.certificate.accounts;

import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.baeum.common.error.DomainException;
import io.baeum.learning.config.CertificateProperties;

/**
 * The name printed on a certificate: auth-service's {@code GET /api/v1/me} asked with the holder's own access token
 * (so learning needs no privileged access to personal data), bounded by {@code holder-timeout}. Asked only the first
 * time a holder downloads a certificate; the name is then kept on the certificate (5 years, like the certificate).
 * Any failure: 503 {@code HOLDER_NAME_UNAVAILABLE} (the download can be retried; nothing was written).
 */
@Component
public class HolderNames {

    private final WebClient auth;
    private final CertificateProperties properties;

    HolderNames(ObjectProvider<WebClient.Builder> webClients, CertificateProperties properties) {
        this.auth = webClients.getIfAvailable(WebClient::builder).clone().baseUrl(properties.holderLookup().toString()).build();
        this.properties = properties;
    }

    public Mono<String> nameOf(String holderBearerToken) {
        return auth.get().uri("/api/v1/me")
                .headers(h -> h.setBearerAuth(holderBearerToken))
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(properties.holderTimeout())
                .map(body -> body.path("data").path("name").asString(""))
                .map(String::strip)
                .filter(name -> !name.isEmpty() && name.length() <= 100)
                .switchIfEmpty(Mono.error(HolderNames::unavailable))
                .onErrorMap(e -> e instanceof TimeoutException || e instanceof WebClientRequestException
                        || e instanceof WebClientResponseException, e -> unavailable());
    }

    private static DomainException unavailable() {
        return DomainException.unavailable("HOLDER_NAME_UNAVAILABLE", "the holder's name cannot be read right now; try again");
    }
}

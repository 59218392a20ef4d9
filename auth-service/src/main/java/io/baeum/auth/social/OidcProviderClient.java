package io.baeum.auth.social;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.auth.social.domain.SocialIdentity;
import io.baeum.common.error.ErrorKind;
import tools.jackson.databind.JsonNode;

/**
 * The only class that speaks OAuth2/OIDC to the providers: discovery (cached), the authorization
 * code exchange with the PKCE verifier, and the userinfo call. Every call has a timeout; any
 * failure is {@code SOCIAL_PROVIDER_ERROR}.
 */
@Component
class OidcProviderClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final WebClient web;
    private final Map<String, Mono<Discovery>> discoveries = new ConcurrentHashMap<>();

    OidcProviderClient(org.springframework.beans.factory.ObjectProvider<WebClient.Builder> builders) {
        this.web = builders.getIfAvailable(WebClient::builder).build();
    }

    /**
     * The provider failed or answered nonsense: 502 {@code SOCIAL_PROVIDER_ERROR}. 502 has no
     * {@link io.baeum.common.error.ErrorKind}, so this adapter (not the domain) keeps the status-carrying
     * exception until the common error model gains an upstream kind.
     */
    @SuppressWarnings("removal")
    static io.baeum.common.error.DomainException providerError() {
        return new io.baeum.common.error.DomainException(ErrorKind.UPSTREAM_FAILED, "SOCIAL_PROVIDER_ERROR",
                "The provider did not confirm the sign-in.");
    }

    record Discovery(String authorizationEndpoint, String tokenEndpoint, String userinfoEndpoint) {
    }

    Mono<Discovery> discover(String name, SocialLoginProperties.Provider provider) {
        return discoveries.computeIfAbsent(name, key -> web.get()
                .uri(provider.issuerUri().toString().replaceAll("/$", "") + "/.well-known/openid-configuration")
                .retrieve().bodyToMono(JsonNode.class).timeout(TIMEOUT)
                .map(json -> new Discovery(json.path("authorization_endpoint").asString(),
                        json.path("token_endpoint").asString(), json.path("userinfo_endpoint").asString()))
                .doOnError(ex -> discoveries.remove(key))
                .onErrorMap(ex -> providerError())
                .cache());
    }

    Mono<SocialIdentity> exchange(String name, SocialLoginProperties.Provider provider, String code, String verifier,
            String redirectUri) {
        return discover(name, provider).flatMap(discovery -> web.post().uri(discovery.tokenEndpoint())
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.APPLICATION_JSON)
                        .body(BodyInserters.fromFormData("grant_type", "authorization_code").with("code", code)
                                .with("redirect_uri", redirectUri).with("client_id", provider.clientId())
                                .with("client_secret", provider.clientSecret()).with("code_verifier", verifier))
                        .retrieve().bodyToMono(JsonNode.class).timeout(TIMEOUT)
                        .map(json -> json.path("access_token").asString(""))
                        .filter(token -> !token.isBlank())
                        .flatMap(accessToken -> web.get().uri(discovery.userinfoEndpoint())
                                .headers(h -> h.setBearerAuth(accessToken))
                                .retrieve().bodyToMono(JsonNode.class).timeout(TIMEOUT))
                        .map(info -> identity(name, info)))
                .switchIfEmpty(Mono.error(OidcProviderClient::providerError))
                .onErrorMap(ex -> !(ex instanceof io.baeum.common.error.DomainException), ex -> providerError());
    }

    private static SocialIdentity identity(String provider, JsonNode info) {
        String subject = info.path("sub").asString("");
        if (subject.isBlank()) {
            throw providerError();
        }
        JsonNode verified = info.path("email_verified");
        boolean emailVerified = verified.isBoolean() ? verified.asBoolean() : "true".equals(verified.asString(""));
        return new SocialIdentity(provider, subject, text(info, "email"), emailVerified,
                firstText(info, "name", "nickname"));
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asString("").isBlank() ? null : value.asString();
    }

    private static @Nullable String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}

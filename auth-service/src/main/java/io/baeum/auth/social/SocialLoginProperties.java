package io.baeum.auth.social;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * OAuth2/OIDC providers for social login ({@code baeum.auth.social.providers.<name>.*}), e.g.
 * {@code google} (issuer {@code https://accounts.google.com}) and {@code kakao} (issuer
 * {@code https://kauth.kakao.com}). Endpoints come from the issuer's discovery document. Client
 * secrets come from the environment.
 */
@Validated
@ConfigurationProperties("baeum.auth.social")
public record SocialLoginProperties(
        @DefaultValue Map<String, @Valid Provider> providers,
        @DefaultValue("10m") Duration attemptTtl) {

    /**
     * @param issuerUri    the OIDC issuer; discovery at {@code <issuer>/.well-known/openid-configuration}
     * @param clientId     the registered client id
     * @param clientSecret the client secret
     * @param redirectUri  where the provider sends the browser back (the web client's callback page)
     * @param scopes       the scopes asked for
     */
    public record Provider(@NotNull URI issuerUri, @NotBlank String clientId, @NotBlank String clientSecret,
            @NotNull URI redirectUri, @DefaultValue({"openid", "email", "profile"}) List<String> scopes) {
    }
}

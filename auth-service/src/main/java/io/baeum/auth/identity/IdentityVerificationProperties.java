package io.baeum.auth.identity;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Identity verification ({@code baeum.auth.identity-verification.*}).
 *
 * @param provider {@code portone} (production) or {@code sandbox} (local runs: every request verifies)
 * @param portone  the PortOne V2 API settings; the secret comes from the environment
 *                 ({@code BAEUM_AUTH_IDENTITYVERIFICATION_PORTONE_API_SECRET})
 */
@Validated
@ConfigurationProperties("baeum.auth.identity-verification")
public record IdentityVerificationProperties(
        @DefaultValue("portone") @NotNull Provider provider,
        @DefaultValue PortOne portone) {

    public enum Provider { PORTONE, SANDBOX }

    /**
     * @param baseUrl    the API root ({@code https://api.portone.io})
     * @param apiSecret  the V2 API secret, sent as {@code Authorization: PortOne <secret>}
     * @param storeId    the store id (also handed to the browser SDK)
     * @param channelKey the identity-verification channel key for the browser SDK
     * @param timeout    one call's timeout
     */
    public record PortOne(
            @DefaultValue("https://api.portone.io") URI baseUrl,
            @Nullable String apiSecret,
            @Nullable String storeId,
            @Nullable String channelKey,
            @DefaultValue("5s") Duration timeout) {
    }
}

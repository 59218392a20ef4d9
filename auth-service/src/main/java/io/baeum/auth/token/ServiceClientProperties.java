package io.baeum.auth.token;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Clients of the client-credentials grant ({@code baeum.auth.service.clients.<id>.*}). Secrets come
 * from the environment, e.g. {@code BAEUM_AUTH_SERVICE_CLIENTS_LEARNINGSERVICE_SECRET}.
 */
@Validated
@ConfigurationProperties("baeum.auth.service")
public record ServiceClientProperties(@DefaultValue Map<String, @Valid Client> clients) {

    /**
     * @param secret    the client secret (at least 32 characters)
     * @param audiences the only services its tokens are for
     * @param scopes    the scopes it may ask for
     */
    public record Client(@NotBlank String secret, @NotEmpty List<String> audiences, @NotEmpty List<String> scopes) {

        public Client {
            if (secret != null && secret.length() < 32) {
                throw new IllegalArgumentException("service client secrets must have at least 32 characters");
            }
        }
    }
}

package io.baeum.learning.config;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where learning-service checks that an account exists before an admin assigns it to a cohort
 * (auth-service owns accounts; learning keeps no copy).
 *
 * @param baseUrl auth-service (through the gateway or directly); production: BAEUM_LEARNING_ACCOUNTS_BASE_URL
 * @param timeout per check; an unanswered check refuses the assignment with 503
 */
@ConfigurationProperties("baeum.learning.accounts")
@Validated
public record AccountsProperties(
        @DefaultValue("http://127.0.0.1:8081") @NotNull URI baseUrl,
        @DefaultValue("2s") @NotNull Duration timeout) {
}

package io.baeum.auth.account;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * argon2id cost ({@code baeum.auth.password.*}); the minimums are OWASP's (19 MiB, 2 iterations,
 * parallelism 1) and cannot be configured lower.
 *
 * @param memoryKib   memory per hash in KiB
 * @param iterations  passes over the memory
 * @param concurrency hashes computed at once (each holds {@code memoryKib} of memory)
 */
@Validated
@ConfigurationProperties("baeum.auth.password")
public record PasswordProperties(
        @DefaultValue("19456") @Min(19456) @Max(1048576) int memoryKib,
        @DefaultValue("2") @Min(2) @Max(20) int iterations,
        @DefaultValue("4") @Min(1) @Max(64) int concurrency) {
}

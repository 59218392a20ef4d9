package io.baeum.auth.session;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Brute-force limits ({@code baeum.auth.login.*}): failed sign-ins counted per account (even for
 * emails with no account, so the limit reveals nothing) and per client IP, in fixed windows.
 *
 * @param accountFailures failures per account per window before sign-in is refused (≤ 100)
 * @param ipFailures      failures per IP per window (higher: offices share an address)
 * @param window          the counting window (1 hour)
 */
@Validated
@ConfigurationProperties("baeum.auth.login")
public record LoginThrottleProperties(
        @DefaultValue("20") @Min(1) @Max(100) int accountFailures,
        @DefaultValue("100") @Min(1) @Max(10000) int ipFailures,
        @DefaultValue("1h") @NotNull Duration window) {
}

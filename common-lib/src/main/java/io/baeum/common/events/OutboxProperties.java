package io.baeum.common.events;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay of a service ({@code baeum.outbox.*}).
 *
 * @param relayEnabled whether this instance relays (every instance may: rows are locked per pass)
 * @param pollInterval pause between passes when the outbox was empty
 * @param batchSize    rows locked and sent per pass
 * @param sendTimeout  how long one SQS batch send may take before the rows are left for a later pass
 */
@Validated
@ConfigurationProperties("baeum.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("500ms") @NotNull Duration pollInterval,
        @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
        @DefaultValue("5s") @NotNull Duration sendTimeout) {
}

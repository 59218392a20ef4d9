package io.baeum.gateway.downstream;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The services behind the gateway.
 *
 * @param services      base URL of each service by short name ({@code auth}, {@code learning}, ...)
 * @param healthTimeout how long a downstream readiness probe may take before it counts as down
 */
@Validated
@ConfigurationProperties("baeum.gateway")
public record DownstreamProperties(@NotEmpty Map<String, URI> services, @NotNull Duration healthTimeout) {
}

package io.baeum.learning.proxystudy;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Proxy-study detection ({@code baeum.learning.proxy-study.*}).
 *
 * @param window           how close in time session starts from one address count as shared (10 minutes)
 * @param sweepInterval    how often the sweep reads new session evidence
 * @param sweepEnabled     run the sweep on a timer (tests call it directly)
 * @param maxLookback      how far back the first sweep reads
 * @param allowedNetworks  shared networks (CIDR) never flagged, besides those admins add
 */
@Validated
@ConfigurationProperties("baeum.learning.proxy-study")
public record ProxyStudyProperties(
        @DefaultValue("10m") @NotNull Duration window,
        @DefaultValue("1m") @NotNull Duration sweepInterval,
        @DefaultValue("true") boolean sweepEnabled,
        @DefaultValue("1d") @NotNull Duration maxLookback,
        @DefaultValue List<String> allowedNetworks) {
}

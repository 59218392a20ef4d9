package io.baeum.learning.config;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Completion (수료) settings ({@code baeum.learning.completion.*}); the rule itself is policy data
 * ({@code completion_policy}).
 *
 * @param sweepEnabled   whether the sweep deciding ended cohorts runs
 * @param sweepInterval  how often it runs
 * @param sweepGraceDays days after a cohort's last study day before its undecided enrollments are decided (the
 *                       re-exam window is 1–7 days after the end: results may still arrive)
 * @param sweepBatch     enrollments decided per run
 */
@Validated
@ConfigurationProperties("baeum.learning.completion")
public record CompletionProperties(
        @DefaultValue("true") boolean sweepEnabled,
        @DefaultValue("10m") @NotNull Duration sweepInterval,
        @DefaultValue("7") @Min(0) @Max(60) int sweepGraceDays,
        @DefaultValue("200") @Min(1) @Max(10_000) int sweepBatch) {
}

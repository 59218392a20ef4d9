package io.baeum.learning.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.baeum.learning.notification.domain.NotificationTemplate;

/**
 * Notifications ({@code baeum.learning.notifications.*}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param from                  the emails' sender
 * @param pollInterval          how often the trigger poller reads new outbox rows
 * @param pollEnabled           run the poller and the deadline sweep on timers (tests call them directly)
 * @param pollOverlap           how far before its cursor the poller re-reads (rows committed late); re-reads send nothing twice
 * @param triggers              outbox event type → template: learning's own domain events that notify their trainee
 * @param deadlineSweepInterval how often the deadline sweep runs (idempotent: once per enrollment and end date)
 * @param deadlineDays          warn when the study period ends within this many days
 * @param deadlineProgressBelow ... and course progress is below this percentage
 * @param email                 the email adapter's retries
 * @param sms                   the SMS adapter
 * @param contacts              where addresses come from
 */
@Validated
@ConfigurationProperties("baeum.learning.notifications")
public record NotificationProperties(
        @DefaultValue("배움 <no-reply@baeum.local>") @NotBlank String from,
        @DefaultValue("10s") @NotNull Duration pollInterval,
        @DefaultValue("true") boolean pollEnabled,
        @DefaultValue("2m") @NotNull Duration pollOverlap,
        @Nullable Map<String, NotificationTemplate> triggers,
        @DefaultValue("1h") @NotNull Duration deadlineSweepInterval,
        @DefaultValue("7") @Min(1) @Max(60) int deadlineDays,
        @DefaultValue("80") @Min(1) @Max(100) int deadlineProgressBelow,
        @DefaultValue @Valid Email email,
        @DefaultValue @Valid Sms sms,
        @DefaultValue @Valid Contacts contacts) {

    /** Learning's events that notify, unless configured otherwise. */
    public static final Map<String, NotificationTemplate> DEFAULT_TRIGGERS = Map.of(
            "io.baeum.learning.EnrollmentActivated.v1", NotificationTemplate.ENROLLMENT_APPROVED,
            "io.baeum.learning.CourseCompleted.v1", NotificationTemplate.COURSE_COMPLETED,
            "io.baeum.learning.CertificateIssued.v1", NotificationTemplate.CERTIFICATE_ISSUED);

    public NotificationProperties {
        // a map cannot take an annotation default; an empty or absent one means the defaults
        triggers = triggers == null || triggers.isEmpty() ? DEFAULT_TRIGGERS : Map.copyOf(triggers);
    }

    @Override
    public Map<String, NotificationTemplate> triggers() {
        return triggers == null ? DEFAULT_TRIGGERS : triggers;
    }

    /**
     * @param retries retries of a transient SMTP failure (connection refused or dropped, timeouts, 4xx replies)
     * @param backoff the first retry's delay (doubling)
     */
    public record Email(@DefaultValue("3") @Min(0) @Max(10) int retries, @DefaultValue("1s") @NotNull Duration backoff) {
    }

    /**
     * @param adapter {@code sandbox} (logs and keeps the messages; local runs and tests), {@code http} (the provider),
     *                or {@code off}
     * @param baseUrl the provider's API
     * @param apiKey  the provider's key; from a secret
     * @param sender  the registered sender number
     * @param timeout per request
     * @param retries retries of a 5xx or timeout
     */
    public record Sms(
            @DefaultValue("sandbox") @NotBlank String adapter,
            @DefaultValue("https://sms.example.invalid") @NotNull URI baseUrl,
            @Nullable String apiKey,
            @DefaultValue("0000000000") @NotBlank String sender,
            @DefaultValue("3s") @NotNull Duration timeout,
            @DefaultValue("2") @Min(0) @Max(5) int retries) {

        @Override
        public String toString() {
            return "Sms[adapter=" + adapter + ", baseUrl=" + baseUrl + ", apiKey=<redacted>, sender=" + sender + "]";
        }
    }

    /**
     * @param emailPattern the address of an account, {@code {accountId}} replaced (a stand-in until auth-service
     *                     answers contact look-ups to services; see docs/learning.md)
     */
    public record Contacts(@DefaultValue("{accountId}@trainee.baeum.local") @NotBlank String emailPattern) {
    }
}

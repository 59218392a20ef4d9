package io.baeum.learning.certificate.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;

/**
 * A certificate (수료증): issued once per completed enrollment, kept {@value #KEPT_YEARS} years, re-issued under
 * the same number, revoked with a reason. The holder's name is filled in from auth-service the first time the
 * holder downloads it (learning keeps no copy of personal data before that); the verification page shows it only
 * when the holder chose to ({@code showHolderName}).
 */
public record Certificate(String number, UUID enrollmentId, UUID cohortId, UUID courseId, String accountId, String holderName,
                          boolean showHolderName, Instant issuedAt, LocalDate keptUntil, @Nullable Instant revokedAt,
                          @Nullable String revokedReason) {

    public static final int KEPT_YEARS = 5;
    public static final int MAX_REASON_LENGTH = 500;

    public Certificate {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(enrollmentId, "enrollmentId");
        Objects.requireNonNull(accountId, "accountId");
    }

    /** The state shown on the verification page. */
    public enum Status { VALID, REVOKED }

    /** The result of a certificate change: the certificate and its events. */
    public record Change(Certificate certificate, List<CertificateEvent> events) {
        public Change {
            events = List.copyOf(events);
        }
    }

    public static Change issue(CertificateNumber number, UUID enrollmentId, UUID cohortId, UUID courseId, String accountId,
                               Instant now, ZoneId zone) {
        LocalDate keptUntil = LocalDate.ofInstant(now, zone).plusYears(KEPT_YEARS);
        Certificate issued = new Certificate(number.toString(), enrollmentId, cohortId, courseId, accountId, "", false, now,
                keptUntil, null, null);
        return new Change(issued, List.of(new CertificateEvent.CertificateIssued(issued.number, enrollmentId, cohortId,
                courseId, accountId, now, keptUntil)));
    }

    /** Revokes with a reason (e.g. 모사답안 확인); revoking twice is refused. */
    public Change revoke(String reason, String by, Instant now) {
        String trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_REASON_LENGTH) {
            throw DomainException.invalid("REVOCATION_REASON_REQUIRED", "a revocation needs a reason of 1 to "
                    + MAX_REASON_LENGTH + " characters");
        }
        if (revokedAt != null) {
            throw DomainException.conflict("CERTIFICATE_ALREADY_REVOKED", "certificate " + number + " was revoked on " + revokedAt,
                    number, revokedAt);
        }
        Certificate revoked = new Certificate(number, enrollmentId, cohortId, courseId, accountId, holderName, showHolderName,
                issuedAt, keptUntil, now, trimmed);
        return new Change(revoked, List.of(new CertificateEvent.CertificateRevoked(number, enrollmentId, courseId, accountId,
                trimmed, by, now)));
    }

    public Status status() {
        return revokedAt == null ? Status.VALID : Status.REVOKED;
    }

    public boolean hasHolderName() {
        return !holderName.isBlank();
    }
}

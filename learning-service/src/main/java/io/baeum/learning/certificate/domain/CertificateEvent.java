package io.baeum.learning.certificate.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What happened to a certificate, in the past tense; each record is the {@code data} of a CloudEvent
 * {@code io.baeum.learning.<RecordName>.v1} (learning-service/README.md).
 */
public sealed interface CertificateEvent {

    String number();

    /** A certificate was issued on completion (re-issues keep the number and announce nothing). */
    record CertificateIssued(String number, UUID enrollmentId, UUID cohortId, UUID courseId, String accountId,
                             Instant issuedAt, LocalDate keptUntil) implements CertificateEvent {
    }

    /** A certificate was revoked (an admin's decision, or a completion taken back); verification shows REVOKED. */
    record CertificateRevoked(String number, UUID enrollmentId, UUID courseId, String accountId, String reason,
                              String revokedBy, Instant revokedAt) implements CertificateEvent {
    }
}

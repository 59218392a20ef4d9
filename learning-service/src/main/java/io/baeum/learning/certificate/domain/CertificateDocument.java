package io.baeum.learning.certificate.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a certificate prints: the certificate, its course and cohort as they are now, and its latest issue.
 *
 * @param recognisedSeconds the course's recognised study time (인정 시간), the sum over its lessons
 * @param issueNo           1 for the first issue, +1 per re-issue
 * @param lastIssuedAt      when the latest issue was made (the issue date printed)
 */
public record CertificateDocument(Certificate certificate, String courseTitle, LocalDate studyFrom, LocalDate studyTo,
                                  long recognisedSeconds, int issueNo, Instant lastIssuedAt) {

    public CertificateDocument {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(courseTitle, "courseTitle");
    }

    /** Training hours as printed: recognised time in hours, rounded up to a whole hour. */
    public long hours() {
        return (recognisedSeconds + 3599) / 3600;
    }
}

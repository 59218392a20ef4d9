package io.baeum.learning.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What happened to an enrollment, in the past tense. The {@link Enrollment} transitions return them next to
 * the new state; the application service writes them to the outbox in the same transaction. Each record is
 * the {@code data} of a CloudEvent {@code io.baeum.learning.<RecordName>.v1} (learning-service/README.md).
 */
public sealed interface EnrollmentEvent {

    UUID enrollmentId();

    /** A trainee applied (or paid without a free seat): the enrollment waits for a decision. */
    record EnrollmentApplied(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId, String source,
                             @Nullable String paidOrderId, Instant appliedAt) implements EnrollmentEvent {
    }

    /**
     * The enrollment became ACTIVE: approved by an admin ({@code APPROVED}), assigned directly ({@code ASSIGNED})
     * or paid for ({@code PAID}). The trainee may study from {@code studyFrom} to {@code studyTo} (inclusive, Asia/Seoul).
     */
    record EnrollmentActivated(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId, String activation,
                               @Nullable String paidOrderId, LocalDate studyFrom, LocalDate studyTo,
                               Instant activatedAt) implements EnrollmentEvent {
    }

    /** An admin rejected a pending enrollment (a paid one needs a refund: {@code paidOrderId}). */
    record EnrollmentRejected(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId,
                              @Nullable String paidOrderId, @Nullable String reason, Instant rejectedAt)
            implements EnrollmentEvent {
    }

    /** The trainee or an admin cancelled a pending or active enrollment. */
    record EnrollmentCancelled(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId,
                               EnrollmentStatus previousStatus, @Nullable String paidOrderId, String cancelledBy,
                               @Nullable String reason, Instant cancelledAt) implements EnrollmentEvent {
    }
}

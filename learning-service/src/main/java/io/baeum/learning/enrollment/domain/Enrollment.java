package io.baeum.learning.enrollment.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;
import io.baeum.learning.cohort.domain.Cohort;

/**
 * An enrollment (수강신청) and its state machine:
 *
 * <pre>
 *   apply ──▶ PENDING ──approve──▶ ACTIVE ──cancel──▶ CANCELLED
 *                │  └──reject──▶ REJECTED              ▲
 *                └──────────────cancel─────────────────┘
 *   assign / payment ──▶ ACTIVE          payment on PENDING ──▶ ACTIVE
 * </pre>
 *
 * Every other transition is refused with {@code ILLEGAL_ENROLLMENT_TRANSITION}. Capacity counts
 * ACTIVE enrollments; the enrollment window bounds applications; nothing is created after the
 * study period ended.
 */
public record Enrollment(UUID id, UUID cohortId, UUID courseId, String accountId, EnrollmentStatus status,
                         String source, @Nullable String paidOrderId, Instant appliedAt, @Nullable Instant decidedAt,
                         @Nullable String decidedBy, @Nullable String decisionReason) {

    public Enrollment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cohortId, "cohortId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(status, "status");
    }

    /** A trainee applies: the window must be open and a seat free. */
    public static EnrollmentChange apply(Cohort cohort, String accountId, LocalDate today, Instant now, int activeCount) {
        if (!cohort.isEnrollmentOpen(today)) {
            throw DomainException.conflict("ENROLLMENT_WINDOW_CLOSED", "the cohort does not take applications on " + today,
                    cohort.enrollmentFrom(), cohort.enrollmentTo());
        }
        requireSeat(cohort, activeCount);
        Enrollment applied = new Enrollment(UUID.randomUUID(), cohort.id(), cohort.courseId(), accountId,
                EnrollmentStatus.PENDING, "APPLICATION", null, now, null, null, null);
        return EnrollmentChange.of(applied, applied.appliedEvent());
    }

    /** An admin enrols a trainee directly (no application, window not required) while the study period is not over. */
    public static EnrollmentChange assign(Cohort cohort, String accountId, String adminId, LocalDate today, Instant now,
                                          int activeCount) {
        requireNotOver(cohort, today);
        requireSeat(cohort, activeCount);
        Enrollment assigned = new Enrollment(UUID.randomUUID(), cohort.id(), cohort.courseId(), accountId,
                EnrollmentStatus.ACTIVE, "ASSIGNMENT", null, now, now, adminId, null);
        return EnrollmentChange.of(assigned, assigned.activatedEvent(cohort, "ASSIGNED", now));
    }

    /**
     * Billing reported a payment for a cohort the trainee had no live enrollment in. Payment is honoured
     * after the window closed; without a free seat the enrollment waits (PENDING) for an admin.
     */
    public static EnrollmentChange paid(Cohort cohort, String accountId, String orderId, Instant now, int activeCount) {
        boolean seat = activeCount < cohort.capacity();
        Enrollment paid = new Enrollment(UUID.randomUUID(), cohort.id(), cohort.courseId(), accountId,
                seat ? EnrollmentStatus.ACTIVE : EnrollmentStatus.PENDING, "PAYMENT", orderId, now,
                seat ? now : null, seat ? "billing" : null, seat ? null : "CAPACITY_REACHED");
        return EnrollmentChange.of(paid, seat ? paid.activatedEvent(cohort, "PAID", now) : paid.appliedEvent());
    }

    public EnrollmentChange approve(Cohort cohort, String adminId, LocalDate today, Instant now, int activeCount) {
        require(status == EnrollmentStatus.PENDING, "approve");
        requireNotOver(cohort, today);
        requireSeat(cohort, activeCount);
        Enrollment approved = with(EnrollmentStatus.ACTIVE, paidOrderId, now, adminId, null);
        return EnrollmentChange.of(approved, approved.activatedEvent(cohort, "APPROVED", now));
    }

    public EnrollmentChange reject(String adminId, @Nullable String reason, Instant now) {
        require(status == EnrollmentStatus.PENDING, "reject");
        Enrollment rejected = with(EnrollmentStatus.REJECTED, paidOrderId, now, adminId, reason);
        return EnrollmentChange.of(rejected, new EnrollmentEvent.EnrollmentRejected(id, cohortId, courseId, accountId,
                paidOrderId, reason, now));
    }

    public EnrollmentChange cancel(String by, @Nullable String reason, Instant now) {
        require(status == EnrollmentStatus.PENDING || status == EnrollmentStatus.ACTIVE, "cancel");
        Enrollment cancelled = with(EnrollmentStatus.CANCELLED, paidOrderId, now, by, reason);
        return EnrollmentChange.of(cancelled, new EnrollmentEvent.EnrollmentCancelled(id, cohortId, courseId, accountId,
                status, paidOrderId, by, reason, now));
    }

    /**
     * Payment for a pending enrollment activates it (idempotent on an active one with the same order). Only the
     * activation is an event: recording the order on an active enrollment or waiting for a seat announces nothing.
     */
    public EnrollmentChange paymentReceived(Cohort cohort, String orderId, Instant now, int activeCount) {
        if (status == EnrollmentStatus.ACTIVE) {
            return EnrollmentChange.of(paidOrderId == null ? with(status, orderId, decidedAt, decidedBy, decisionReason) : this);
        }
        require(status == EnrollmentStatus.PENDING, "pay");
        if (activeCount >= cohort.capacity()) {
            return EnrollmentChange.of(with(EnrollmentStatus.PENDING, orderId, null, null, "CAPACITY_REACHED"));
        }
        Enrollment activated = with(EnrollmentStatus.ACTIVE, orderId, now, "billing", null);
        return EnrollmentChange.of(activated, activated.activatedEvent(cohort, "PAID", now));
    }

    public boolean isLive() {
        return status == EnrollmentStatus.PENDING || status == EnrollmentStatus.ACTIVE;
    }

    private EnrollmentEvent appliedEvent() {
        return new EnrollmentEvent.EnrollmentApplied(id, cohortId, courseId, accountId, source, paidOrderId, appliedAt);
    }

    private EnrollmentEvent activatedEvent(Cohort cohort, String activation, Instant at) {
        return new EnrollmentEvent.EnrollmentActivated(id, cohortId, courseId, accountId, activation, paidOrderId,
                cohort.studyFrom(), cohort.studyTo(), at);
    }

    private Enrollment with(EnrollmentStatus next, @Nullable String orderId, @Nullable Instant at, @Nullable String by,
                            @Nullable String reason) {
        return new Enrollment(id, cohortId, courseId, accountId, next, source, orderId, appliedAt, at, by, reason);
    }

    private void require(boolean allowed, String action) {
        if (!allowed) {
            throw DomainException.conflict("ILLEGAL_ENROLLMENT_TRANSITION", "cannot " + action + " a " + status + " enrollment",
                    action, status);
        }
    }

    private static void requireSeat(Cohort cohort, int activeCount) {
        if (activeCount >= cohort.capacity()) {
            throw DomainException.conflict("COHORT_FULL", "the cohort has no free seat", cohort.capacity());
        }
    }

    private static void requireNotOver(Cohort cohort, LocalDate today) {
        if (today.isAfter(cohort.studyTo())) {
            throw DomainException.conflict("STUDY_PERIOD_OVER", "the cohort's study period is over", cohort.studyTo());
        }
    }
}

package io.baeum.learning.enrollment.domain;

/** Where an enrollment (수강신청) stands. */
public enum EnrollmentStatus {
    /** Applied, waiting for an admin's decision (or for payment). */
    PENDING,
    /** Approved, assigned or paid: the trainee may study within the study period. */
    ACTIVE,
    /** An admin refused the application. */
    REJECTED,
    /** Cancelled by the trainee or an admin. */
    CANCELLED
}

package io.baeum.learning.board.domain;

/** What a caller is to a course's boards, strongest first. */
public enum CourseRole {
    /** An admin (the token's ADMIN role): sees and moderates everything. */
    ADMIN,
    /** An instructor of one of the course's cohorts (cohort_instructor). */
    INSTRUCTOR,
    /** A trainee with an ACTIVE enrollment in one of the course's cohorts. */
    TRAINEE,
    /** Anybody else: the course's boards do not exist for them. */
    NONE;

    public boolean moderates() {
        return this == ADMIN || this == INSTRUCTOR;
    }

    public boolean participates() {
        return this != NONE;
    }
}

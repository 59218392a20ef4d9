package io.baeum.learning.completion.domain;

/** What made the completion be (re)considered. */
public enum Trigger {
    /** a result (or a new revision of one) from exam-service */
    RESULT,
    /** course progress grew */
    PROGRESS,
    /** the cohort's study period ended (the sweep) */
    COURSE_ENDED
}

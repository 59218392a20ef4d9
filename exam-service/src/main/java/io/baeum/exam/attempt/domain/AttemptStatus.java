package io.baeum.exam.attempt.domain;

public enum AttemptStatus {
    IN_PROGRESS, SUBMITTED, GRADED
}

package io.baeum.exam.evaluation.domain;

public enum EvaluationStatus {
    DRAFT, PUBLISHED, CLOSED
}

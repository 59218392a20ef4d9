package io.baeum.learning.completion.domain;

/** The three kinds of evaluation exam-service grades: 진행단계평가, 최종평가, 과제. */
public enum EvaluationKind {
    STAGE, FINAL, ASSIGNMENT
}

package io.baeum.exam.evaluation.domain;

/** 진행단계평가, 최종평가, 과제. */
public enum EvaluationKind {
    STAGE, FINAL, ASSIGNMENT
}

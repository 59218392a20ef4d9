package io.baeum.learning.completion.domain;

/** 수료 or 미수료. */
public enum Outcome {
    COMPLETED, FAILED
}

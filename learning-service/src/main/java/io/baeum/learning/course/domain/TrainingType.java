package io.baeum.learning.course.domain;

/** The HRD training type a course belongs to; it selects the policy (rulebook) that applies. */
public enum TrainingType {
    /** 사업주훈련: employer-sponsored training. */
    SAEOPJU,
    /** 내일배움카드: learning-card training. */
    NAEIL_CARD,
    /** 스마트혼합훈련: smart blended training. */
    SMART_MIXED
}

package io.baeum.billing.refund.domain;

/** How a refund is computed; which one applies is data ({@link RefundRuleBook}), not code. */
public enum RefundMethod {
    /** 평생교육법 시행령 별표3: before start all; ≤ 1 month: before 1/3 elapsed 2/3, before 1/2 1/2, after none; longer: the current month by that scale plus the remaining months in full */
    PERIOD_SCALE,
    /** 별표3 비고4, non-real-time remote training: paid minus the part studied (a lesson counts as studied once opened) */
    STUDIED_PART,
    /** 별표3 비고5 (since 2024-04-19), courses organised in sessions: by the sessions remaining */
    REMAINING_SESSIONS,
    /** 국민내일배움카드 self-pay: before start all; before 1/6 elapsed 5/6, 1/3 2/3, 1/2 1/2, after none */
    NAEIL_CARD_SELF_PAY
}

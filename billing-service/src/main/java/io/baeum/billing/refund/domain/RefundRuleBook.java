package io.baeum.billing.refund.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.baeum.billing.catalogue.domain.CatalogueCohort;
import io.baeum.billing.catalogue.domain.CatalogueCohort.Delivery;

/**
 * The refund rules as data, effective-dated per training type and delivery. The most specific rule in
 * force on the day of the request wins; among equally specific ones, the latest.
 */
public record RefundRuleBook(List<RefundRule> rules) {

    static final LocalDate ALWAYS = LocalDate.of(2000, 1, 1);
    /** 평생교육법 시행령 별표3 비고5 (courses in sessions) applies to refund reasons from this day. */
    static final LocalDate SESSIONS_RULE_FROM = LocalDate.of(2024, 4, 19);

    public RefundRuleBook {
        rules = List.copyOf(rules);
    }

    /** The defaults of PRODUCT.md's HRD rulebook (verify against the current 고시 before a real audit). */
    public static RefundRuleBook defaults() {
        return new RefundRuleBook(List.of(
                new RefundRule(RefundRule.ANY, Delivery.PERIOD, ALWAYS, RefundMethod.PERIOD_SCALE),
                new RefundRule(RefundRule.ANY, Delivery.NON_REALTIME_REMOTE, ALWAYS, RefundMethod.STUDIED_PART),
                new RefundRule(RefundRule.ANY, Delivery.SESSIONS, ALWAYS, RefundMethod.PERIOD_SCALE),
                new RefundRule(RefundRule.ANY, Delivery.SESSIONS, SESSIONS_RULE_FROM, RefundMethod.REMAINING_SESSIONS),
                new RefundRule("NAEIL_CARD", null, ALWAYS, RefundMethod.NAEIL_CARD_SELF_PAY)));
    }

    public RefundMethod methodFor(String trainingType, CatalogueCohort.Delivery delivery, LocalDate on) {
        return rules.stream()
                .filter(r -> r.applies(trainingType, delivery, on))
                .max(Comparator.comparingInt(RefundRule::specificity).thenComparing(RefundRule::effectiveFrom))
                .map(RefundRule::method)
                .orElse(RefundMethod.PERIOD_SCALE);
    }
}

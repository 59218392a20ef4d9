package io.baeum.billing.refund.domain;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.baeum.billing.catalogue.domain.CatalogueCohort;

/**
 * One effective-dated row of the refund rule book: from {@code effectiveFrom}, courses of
 * {@code trainingType} ({@link #ANY} for every type) run as {@code delivery} ({@code null} for any) are
 * refunded by {@code method}.
 */
public record RefundRule(String trainingType, CatalogueCohort.@Nullable Delivery delivery, LocalDate effectiveFrom,
                         RefundMethod method) {

    public static final String ANY = "*";

    boolean applies(String type, CatalogueCohort.Delivery how, LocalDate on) {
        return (ANY.equals(trainingType) || trainingType.equals(type)) && (delivery == null || delivery == how)
                && !effectiveFrom.isAfter(on);
    }

    /** A rule naming the training type beats one naming the delivery, which beats a catch-all. */
    int specificity() {
        return (ANY.equals(trainingType) ? 0 : 2) + (delivery == null ? 0 : 1);
    }
}

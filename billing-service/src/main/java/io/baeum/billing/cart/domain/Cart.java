package io.baeum.billing.cart.domain;

import java.util.List;
import java.util.UUID;

import io.baeum.billing.catalogue.domain.CatalogueCohort;
import io.baeum.common.error.DomainException;

/**
 * An account's cart: the cohorts it is about to buy, priced only from billing's catalogue copy. The
 * total is computed here; a price sent by a browser is never read.
 */
public record Cart(String accountId, List<CatalogueCohort> lines) {

    public static final int MAX_LINES = 20;

    public Cart {
        lines = List.copyOf(lines);
    }

    public long total() {
        return lines.stream().mapToLong(CatalogueCohort::price).sum();
    }

    public boolean contains(UUID cohortId) {
        return lines.stream().anyMatch(l -> l.cohortId().equals(cohortId));
    }

    /** Checks that {@code cohort} may be added; the caller then stores the line. */
    public void checkAdd(CatalogueCohort cohort, boolean alreadyBought) {
        if (!cohort.sellable()) {
            throw DomainException.rule("COHORT_NOT_SELLABLE", "cohort " + cohort.cohortId() + " is not for sale");
        }
        if (alreadyBought) {
            throw DomainException.conflict("ALREADY_PURCHASED", "the account already paid for cohort " + cohort.cohortId());
        }
        if (!contains(cohort.cohortId()) && lines.size() >= MAX_LINES) {
            throw DomainException.rule("CART_FULL", "a cart holds at most " + MAX_LINES + " cohorts", MAX_LINES);
        }
        if (!lines.isEmpty() && !lines.getFirst().currency().equals(cohort.currency())) {
            throw DomainException.rule("MIXED_CURRENCIES", "a cart is paid in one currency");
        }
    }
}

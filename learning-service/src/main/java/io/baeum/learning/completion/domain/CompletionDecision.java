package io.baeum.learning.completion.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** What {@link CompletionRule} decided, and why: the gates and the parts of the total. */
public record CompletionDecision(Outcome outcome, BigDecimal progressPercent, BigDecimal totalScore, List<Criterion> criteria) {

    public CompletionDecision {
        Objects.requireNonNull(outcome, "outcome");
        criteria = List.copyOf(criteria);
    }

    /** The gates that were not met (empty when completed). */
    public List<String> unmet() {
        return criteria.stream().filter(c -> Boolean.FALSE.equals(c.met())).map(Criterion::criterion).toList();
    }
}

package io.baeum.learning.completion.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The completion decision of one enrollment (table {@code completion}). Decided once its inputs are in (see
 * {@link CompletionRule#isDue}), re-decided on every later input (a re-exam, a regrade, a copied-answer
 * decision): the decision number grows only when something changed, and the events announce outcomes —
 * {@link CompletionEvent.CourseCompleted} when the enrollment becomes complete, {@link CompletionEvent.CourseFailed}
 * when it is decided failed or loses its completion.
 */
public record Completion(Learner learner, Outcome outcome, BigDecimal progressPercent, BigDecimal totalScore,
                         List<Criterion> criteria, UUID policyId, Trigger trigger, Instant decidedAt, int decisionNo) {

    public Completion {
        Objects.requireNonNull(learner, "learner");
        Objects.requireNonNull(outcome, "outcome");
        criteria = List.copyOf(criteria);
    }

    /** Who the decision is about. */
    public record Learner(UUID enrollmentId, UUID cohortId, UUID courseId, String accountId) {
    }

    /** The first decision of an enrollment. */
    public static CompletionChange first(Learner learner, CompletionPolicy policy, CompletionDecision decision, Trigger trigger,
                                         Instant now) {
        Completion decided = new Completion(learner, decision.outcome(), decision.progressPercent(), decision.totalScore(),
                decision.criteria(), policy.id(), trigger, now, 1);
        return new CompletionChange(decided, true, decided.outcomeEvents(null));
    }

    /** A later decision: unchanged (no write, no event) when the rule says exactly what it said before. */
    public CompletionChange redecide(CompletionPolicy policy, CompletionDecision decision, Trigger trigger, Instant now) {
        boolean same = outcome == decision.outcome() && progressPercent.compareTo(decision.progressPercent()) == 0
                && totalScore.compareTo(decision.totalScore()) == 0 && sameCriteria(decision.criteria())
                && policyId.equals(policy.id());
        if (same) {
            return new CompletionChange(this, false, List.of());
        }
        Completion next = new Completion(learner, decision.outcome(), decision.progressPercent(), decision.totalScore(),
                decision.criteria(), policy.id(), trigger, now, decisionNo + 1);
        return new CompletionChange(next, true, outcome == decision.outcome() ? List.of() : next.outcomeEvents(outcome));
    }

    private boolean sameCriteria(List<Criterion> other) {
        if (criteria.size() != other.size()) {
            return false;
        }
        for (int i = 0; i < criteria.size(); i++) {
            if (!criteria.get(i).sameAs(other.get(i))) {
                return false;
            }
        }
        return true;
    }

    public boolean completed() {
        return outcome == Outcome.COMPLETED;
    }

    private List<CompletionEvent> outcomeEvents(@Nullable Outcome previous) {
        List<CompletionEvent> events = new ArrayList<>();
        if (outcome == Outcome.COMPLETED) {
            events.add(new CompletionEvent.CourseCompleted(learner.enrollmentId(), learner.cohortId(), learner.courseId(),
                    learner.accountId(), progressPercent, totalScore, decisionNo, decidedAt));
        } else {
            events.add(new CompletionEvent.CourseFailed(learner.enrollmentId(), learner.cohortId(), learner.courseId(),
                    learner.accountId(), progressPercent, totalScore,
                    criteria.stream().filter(c -> Boolean.FALSE.equals(c.met())).map(Criterion::criterion).toList(),
                    previous == null ? null : previous.name(), decisionNo, decidedAt));
        }
        return events;
    }
}

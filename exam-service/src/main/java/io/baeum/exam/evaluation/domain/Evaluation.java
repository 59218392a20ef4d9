package io.baeum.exam.evaluation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;

/**
 * An evaluation of a course: its window, time limit, attempts policy, item selection and rules.
 * Publishing enforces the pool rule (each draw's pool holds at least 3× the items drawn).
 */
public record Evaluation(
        UUID id,
        String courseId,
        @Nullable String cohortId,
        EvaluationKind kind,
        String title,
        EvaluationStatus status,
        Instant opensAt,
        Instant closesAt,
        @Nullable Duration timeLimit,
        int passScore,
        int maxAttempts,
        Selection selection,
        EvaluationRules rules,
        @Nullable Integer assignmentPoints) {

    /** A pool must hold at least this many times the items drawn from it. */
    public static final int POOL_FACTOR = 3;

    public Evaluation {
        if (!closesAt.isAfter(opensAt)) {
            throw DomainException.invalid("INVALID_WINDOW", "closesAt must be after opensAt");
        }
        if (kind == EvaluationKind.FINAL && maxAttempts != 1) {
            throw DomainException.invalid("FINAL_EXAM_ONE_ATTEMPT", "a final exam allows exactly one attempt (a re-exam is a rule)");
        }
        if (kind == EvaluationKind.ASSIGNMENT ? !selection.isEmpty() : selection.isEmpty()) {
            throw DomainException.invalid("INVALID_SELECTION", "exams select items; assignments do not");
        }
        if (kind == EvaluationKind.ASSIGNMENT && (assignmentPoints == null || assignmentPoints < 1)) {
            throw DomainException.invalid("INVALID_SELECTION", "an assignment needs its points");
        }
    }

    /** The pool size of each draw, in the order of {@link Selection#draws()}. */
    public Evaluation publish(List<Long> poolSizes, int fixedFound) {
        if (status != EvaluationStatus.DRAFT) {
            throw DomainException.conflict("EVALUATION_NOT_DRAFT", "only a draft can be published");
        }
        if (fixedFound != selection.fixed().size()) {
            throw DomainException.rule("FIXED_ITEM_NOT_FOUND", "a fixed item is not a current item of this course");
        }
        for (int i = 0; i < selection.draws().size(); i++) {
            Selection.Draw draw = selection.draws().get(i);
            long needed = (long) POOL_FACTOR * draw.count();
            if (poolSizes.get(i) < needed) {
                throw DomainException.rule("POOL_TOO_SMALL", "a draw of " + draw.count() + " needs a pool of at least " + needed
                        + " items; it has " + poolSizes.get(i), draw.count(), needed, poolSizes.get(i));
            }
        }
        return with(EvaluationStatus.PUBLISHED);
    }

    public Evaluation close() {
        return with(EvaluationStatus.CLOSED);
    }

    private Evaluation with(EvaluationStatus next) {
        return new Evaluation(id, courseId, cohortId, kind, title, next, opensAt, closesAt, timeLimit, passScore, maxAttempts, selection,
                rules, assignmentPoints);
    }

    /**
     * The deadline of an attempt started at {@code start}: the time limit, cut at closing — for an
     * assignment the close plus the late allowance; a re-exam is cut at the end of its window instead.
     */
    public Instant deadlineFor(Instant start, Instant cutOff) {
        Instant limit = timeLimit == null ? cutOff : start.plus(timeLimit);
        return limit.isBefore(cutOff) ? limit : cutOff;
    }

    /** When submissions stop being accepted in the regular window. */
    public Instant regularCutOff() {
        return kind == EvaluationKind.ASSIGNMENT ? closesAt.plusSeconds(rules.lateSeconds()) : closesAt;
    }

    public boolean isOpenAt(Instant now) {
        return status == EvaluationStatus.PUBLISHED && !now.isBefore(opensAt) && now.isBefore(regularCutOff());
    }

    public boolean needsStepUp() {
        return rules.stepUpMaxAgeSeconds() != null;
    }
}

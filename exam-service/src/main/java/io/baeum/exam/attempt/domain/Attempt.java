package io.baeum.exam.attempt.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;

/**
 * One sitting of an evaluation by a trainee, on the server's clock. The deadline is fixed at start;
 * answers are accepted until it passes (plus a small grace for saves in flight); a submitted attempt
 * never changes again (E3) and submitting it again changes nothing.
 */
public record Attempt(
        UUID id,
        UUID evaluationId,
        String traineeId,
        int attemptNo,
        AttemptStatus status,
        Instant startedAt,
        Instant deadline,
        @Nullable Instant submittedAt,
        boolean autoSubmitted,
        @Nullable Boolean onTime,
        @Nullable Boolean blank,
        @Nullable BigDecimal score,
        @Nullable Boolean passed,
        @Nullable String scoreReason,
        int resultRevision) {

    public static Attempt start(UUID id, UUID evaluationId, String traineeId, int attemptNo, Instant now, Instant deadline) {
        if (!deadline.isAfter(now)) {
            throw DomainException.conflict("EVALUATION_CLOSED", "the evaluation is closed");
        }
        return new Attempt(id, evaluationId, traineeId, attemptNo, AttemptStatus.IN_PROGRESS, now, deadline, null, false, null, null,
                null, null, null, 0);
    }

    /** E1: another trainee's attempt does not exist for the caller. */
    public Attempt ownedBy(String trainee) {
        if (!traineeId.equals(trainee)) {
            throw notFound();
        }
        return this;
    }

    public static DomainException notFound() {
        return DomainException.notFound("ATTEMPT_NOT_FOUND", "no such attempt");
    }

    public boolean isOverdue(Instant now, Duration grace) {
        return status == AttemptStatus.IN_PROGRESS && now.isAfter(deadline.plus(grace));
    }

    public void ensureAcceptsAnswers(Instant now, Duration grace) {
        if (status != AttemptStatus.IN_PROGRESS) {
            throw DomainException.conflict("ATTEMPT_SUBMITTED", "the attempt is submitted and cannot change");
        }
        if (now.isAfter(deadline.plus(grace))) {
            throw DomainException.conflict("ATTEMPT_CLOSED", "the deadline has passed");
        }
    }

    /**
     * Submits by the trainee's hand. Past the deadline (and its grace) it counts as submitted at the
     * deadline, exactly as the sweep would have. Already submitted: unchanged.
     *
     * @param onTimeUntil when an assignment stops being on time (its close); the deadline for exams
     */
    public Attempt submit(Instant now, Duration grace, boolean blankSheet, Instant onTimeUntil) {
        if (status != AttemptStatus.IN_PROGRESS) {
            return this;
        }
        boolean late = now.isAfter(deadline.plus(grace));
        Instant at = late ? deadline : (now.isAfter(deadline) ? deadline : now);
        return submitted(at, late, blankSheet, !at.isAfter(onTimeUntil));
    }

    /** Submits at the deadline because it passed (the sweep); finish time is the deadline, not the sweep's time. */
    public Attempt autoSubmit(boolean blankSheet, Instant onTimeUntil) {
        if (status != AttemptStatus.IN_PROGRESS) {
            return this;
        }
        return submitted(deadline, true, blankSheet, !deadline.isAfter(onTimeUntil));
    }

    private Attempt submitted(Instant at, boolean automatic, boolean blankSheet, boolean inTime) {
        return new Attempt(id, evaluationId, traineeId, attemptNo, AttemptStatus.SUBMITTED, startedAt, deadline, at, automatic, inTime,
                blankSheet, null, null, null, resultRevision);
    }

    /** The result once every part is graded (again after a regrade or a copied-answer decision). */
    public Attempt graded(BigDecimal newScore, boolean pass, @Nullable String reason) {
        if (status == AttemptStatus.IN_PROGRESS) {
            throw DomainException.conflict("ATTEMPT_NOT_SUBMITTED", "the attempt is not submitted yet");
        }
        return new Attempt(id, evaluationId, traineeId, attemptNo, AttemptStatus.GRADED, startedAt, deadline, submittedAt, autoSubmitted,
                onTime, blank, newScore, pass, reason, resultRevision + 1);
    }

    public boolean isSubmitted() {
        return status != AttemptStatus.IN_PROGRESS;
    }
}

package io.baeum.exam.attempt.domain;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;
import io.baeum.exam.evaluation.domain.EvaluationRules;

/**
 * The re-exam rule (policy data): offered only to one who sat the evaluation and failed with a
 * non-blank answer sheet, between the study end date + from and + to days; once.
 */
public final class Reexam {

    private Reexam() {
    }

    /** Whether {@code previous} (this trainee's attempts, oldest first) allow another one today; throws why not. */
    public static void check(EvaluationRules rules, int maxAttempts, List<Attempt> previous, @Nullable LocalDate studyTo, LocalDate today) {
        if (previous.size() < maxAttempts) {
            return;
        }
        if (!rules.reexam() || previous.size() > maxAttempts) {
            throw DomainException.conflict("ATTEMPTS_EXHAUSTED", "no attempt left");
        }
        Attempt last = previous.getLast();
        if (last.status() != AttemptStatus.GRADED) {
            throw DomainException.conflict("ATTEMPTS_EXHAUSTED", "the attempt is not graded yet");
        }
        if (Boolean.TRUE.equals(last.passed())) {
            throw DomainException.conflict("ATTEMPTS_EXHAUSTED", "passed: no re-exam");
        }
        if (Boolean.TRUE.equals(last.blank())) {
            throw DomainException.rule("REEXAM_AFTER_BLANK", "no re-exam after a blank answer sheet");
        }
        if (studyTo == null || today.isBefore(studyTo.plusDays(rules.reexamFromDays())) || today.isAfter(studyTo.plusDays(rules.reexamToDays()))) {
            throw DomainException.rule("REEXAM_WINDOW_CLOSED", "a re-exam is taken between the study end date +"
                    + rules.reexamFromDays() + " and +" + rules.reexamToDays() + " days", rules.reexamFromDays(), rules.reexamToDays());
        }
    }

    /** The end of today's re-exam window (the last day, to its end in the zone), which cuts the re-exam's deadline. */
    public static LocalDate lastDay(EvaluationRules rules, LocalDate studyTo) {
        return studyTo.plusDays(rules.reexamToDays());
    }
}

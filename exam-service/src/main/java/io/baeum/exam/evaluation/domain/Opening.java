package io.baeum.exam.evaluation.domain;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;
import io.baeum.exam.standing.domain.Standing;

/** Whether a trainee may open an evaluation: enrolled in its course (and cohort), progress as the rules require. */
public final class Opening {

    private Opening() {
    }

    public static void check(Evaluation evaluation, @Nullable Standing standing) {
        if (standing == null || !standing.active()
                || evaluation.cohortId() != null && !evaluation.cohortId().equals(standing.cohortId())) {
            throw DomainException.forbidden("NOT_ENROLLED", "no active enrollment in this evaluation's course");
        }
        EvaluationRules rules = evaluation.rules();
        if (standing.courseProgress().compareTo(BigDecimal.valueOf(rules.courseProgress())) < 0) {
            throw DomainException.rule("EVALUATION_LOCKED", "course progress " + standing.courseProgress() + "% is below the "
                    + rules.courseProgress() + "% this evaluation needs", rules.courseProgress(), standing.courseProgress());
        }
        if (rules.lessonId() != null && standing.lesson(rules.lessonId()).compareTo(BigDecimal.valueOf(rules.lessonProgress())) < 0) {
            throw DomainException.rule("EVALUATION_LOCKED", "the previous lesson is below " + rules.lessonProgress() + "%",
                    rules.lessonProgress(), standing.lesson(rules.lessonId()));
        }
    }
}

package io.baeum.exam.evaluation.domain;

import org.jspecify.annotations.Nullable;

/**
 * An evaluation's policy, stored with it (rules are data; defaults come from configuration when it
 * is created and may be changed per evaluation).
 *
 * @param courseProgress       course progress (%) needed to start (final exam: 80)
 * @param lessonId             the lesson whose progress opens it (stage evaluation: the previous lesson), if any
 * @param lessonProgress       progress (%) of that lesson needed (50)
 * @param stepUpMaxAgeSeconds  when set, the access token's {@code idv_at} must be at most this old to start or submit
 * @param reexam               whether a re-exam is offered to those who sat and failed with a non-blank sheet
 * @param reexamFromDays       re-exam window: study end date + from ..
 * @param reexamToDays         .. + to days (inclusive, in the service's zone)
 * @param lateSeconds          assignments: how long after closing a late submission is still accepted (0: never)
 * @param latePenaltyPercent   assignments: points deducted from a late submission's score, in %
 */
public record EvaluationRules(
        int courseProgress,
        @Nullable String lessonId,
        int lessonProgress,
        @Nullable Long stepUpMaxAgeSeconds,
        boolean reexam,
        int reexamFromDays,
        int reexamToDays,
        long lateSeconds,
        int latePenaltyPercent) {
}

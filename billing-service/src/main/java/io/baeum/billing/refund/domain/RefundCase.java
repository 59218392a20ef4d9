package io.baeum.billing.refund.domain;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The facts a refund is computed from.
 *
 * @param paid          what the trainee paid for the course (won), less what was already refunded is not subtracted here
 * @param studyFrom     first day of the study period
 * @param studyTo       last day of the study period
 * @param requestedOn   the day the refund reason arose (the request), in the institution's zone
 * @param lessonCount   lessons of the course (비고4)
 * @param lessonsOpened lessons the trainee opened before the request (비고4)
 * @param sessionCount  sessions of a session-based course (비고5)
 */
public record RefundCase(long paid, LocalDate studyFrom, LocalDate studyTo, LocalDate requestedOn, int lessonCount,
                         int lessonsOpened, @Nullable Integer sessionCount) {
}

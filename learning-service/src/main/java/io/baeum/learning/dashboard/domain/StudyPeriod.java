package io.baeum.learning.dashboard.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

/**
 * A cohort's study period seen from today (Asia/Seoul, both ends inclusive).
 *
 * @param from     first study day
 * @param to       last study day: the deadline of progress (진도) in the HRD rules
 * @param state    UPCOMING, OPEN or ENDED
 * @param daysLeft days until the period ends, today included when open; null when not open
 */
public record StudyPeriod(LocalDate from, LocalDate to, State state, @Nullable Long daysLeft) {

    public enum State { UPCOMING, OPEN, ENDED }

    public static StudyPeriod of(LocalDate from, LocalDate to, LocalDate today) {
        if (today.isBefore(from)) {
            return new StudyPeriod(from, to, State.UPCOMING, null);
        }
        if (today.isAfter(to)) {
            return new StudyPeriod(from, to, State.ENDED, null);
        }
        return new StudyPeriod(from, to, State.OPEN, ChronoUnit.DAYS.between(today, to) + 1);
    }
}

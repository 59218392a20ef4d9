package io.baeum.learning.cohort.domain;

import java.time.LocalDate;
import java.util.UUID;

/** What happened to a cohort, in the past tense (CloudEvent {@code io.baeum.learning.<RecordName>.v1}). */
public sealed interface CohortEvent {

    UUID cohortId();

    /**
     * A cohort was created: it sells from {@code enrollmentFrom} to {@code enrollmentTo} at the course's
     * {@code price} (KRW, at scheduling time) for {@code capacity} seats and runs {@code studyFrom}..{@code studyTo}.
     */
    record CohortScheduled(UUID cohortId, UUID courseId, String name, LocalDate studyFrom, LocalDate studyTo,
                           LocalDate enrollmentFrom, LocalDate enrollmentTo, int capacity, long price)
            implements CohortEvent {
    }
}

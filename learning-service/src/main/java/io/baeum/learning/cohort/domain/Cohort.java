package io.baeum.learning.cohort.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.baeum.common.error.DomainException;

/**
 * A cohort (회차) of a course: "1기", its study period, its enrollment window, its capacity and its
 * instructors. Dates are inclusive days in Asia/Seoul.
 */
public record Cohort(UUID id, UUID courseId, String name, LocalDate studyFrom, LocalDate studyTo,
                     LocalDate enrollmentFrom, LocalDate enrollmentTo, int capacity, Set<String> instructorIds) {

    public Cohort {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(courseId, "courseId");
        Objects.requireNonNull(name, "name");
        instructorIds = Set.copyOf(instructorIds);
        if (studyTo.isBefore(studyFrom)) {
            throw DomainException.invalid("INVALID_COHORT_DATES", "the study period ends before it starts");
        }
        if (enrollmentTo.isBefore(enrollmentFrom)) {
            throw DomainException.invalid("INVALID_COHORT_DATES", "the enrollment window ends before it starts");
        }
        if (enrollmentTo.isAfter(studyTo)) {
            throw DomainException.invalid("INVALID_COHORT_DATES", "the enrollment window ends after the study period");
        }
        if (capacity <= 0) {
            throw DomainException.invalid("INVALID_CAPACITY", "capacity must be positive");
        }
    }

    /** The event of this cohort's creation, for the consumers that sell it (billing) or test in it (exam). */
    public CohortEvent.CohortScheduled scheduled(long coursePrice) {
        return new CohortEvent.CohortScheduled(id, courseId, name, studyFrom, studyTo, enrollmentFrom, enrollmentTo,
                capacity, coursePrice);
    }

    /** Whether the study periods of two cohorts share a day. */
    public boolean overlaps(Cohort other) {
        return !studyTo.isBefore(other.studyFrom) && !other.studyTo.isBefore(studyFrom);
    }

    /** Refuses a cohort whose study period overlaps another cohort of the same course. */
    public void requireNoOverlap(List<Cohort> siblings) {
        for (Cohort sibling : siblings) {
            if (!sibling.id.equals(id) && sibling.courseId.equals(courseId) && overlaps(sibling)) {
                throw DomainException.conflict("COHORT_DATES_OVERLAP", "the study period overlaps cohort " + sibling.name,
                        sibling.name);
            }
        }
    }

    public boolean isStudyDay(LocalDate day) {
        return !day.isBefore(studyFrom) && !day.isAfter(studyTo);
    }

    public boolean isEnrollmentOpen(LocalDate day) {
        return !day.isBefore(enrollmentFrom) && !day.isAfter(enrollmentTo);
    }

    public boolean isTaughtBy(String instructorId) {
        return instructorIds.contains(instructorId);
    }
}

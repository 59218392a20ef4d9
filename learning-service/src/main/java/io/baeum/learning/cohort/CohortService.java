package io.baeum.learning.cohort;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.learning.cohort.domain.Cohort;
import io.baeum.learning.cohort.persistence.CohortStore;
import io.baeum.learning.support.events.LearningEvents;

/** Cohorts: creation with the date and overlap rules, instructors. */
@Service
public class CohortService {

    private final CohortStore store;
    private final TransactionalOperator tx;
    private final LearningEvents events;

    CohortService(CohortStore store, TransactionalOperator tx, LearningEvents events) {
        this.store = store;
        this.tx = tx;
        this.events = events;
    }

    public record CohortInput(String name, LocalDate studyFrom, LocalDate studyTo, LocalDate enrollmentFrom,
                              LocalDate enrollmentTo, int capacity, Set<String> instructorIds) {
    }

    public Mono<Cohort> create(UUID courseId, CohortInput input) {
        return Mono.fromSupplier(() -> new Cohort(UUID.randomUUID(), courseId, input.name(), input.studyFrom(), input.studyTo(),
                        input.enrollmentFrom(), input.enrollmentTo(), input.capacity(), input.instructorIds()))
                .flatMap(cohort -> store.lockCourse(courseId)
                        .switchIfEmpty(Mono.error(() -> DomainException.notFound("COURSE_NOT_FOUND", "no course " + courseId)))
                        .flatMap(course -> {
                            if (course.status().equals("ARCHIVED")) {
                                return Mono.error(DomainException.conflict("COURSE_ARCHIVED", "the course is archived"));
                            }
                            return store.ofCourse(courseId).collectList().flatMap(siblings -> {
                                cohort.requireNoOverlap(siblings);
                                if (siblings.stream().anyMatch(s -> s.name().equals(cohort.name()))) {
                                    return Mono.error(DomainException.conflict("COHORT_NAME_TAKEN", "the course has a cohort " + cohort.name()));
                                }
                                return store.insert(cohort)
                                        .then(events.publish(cohort.id().toString(), List.of(cohort.scheduled(course.price()))))
                                        .thenReturn(cohort);
                            });
                        }))
                .as(tx::transactional);
    }

    public Mono<Cohort> assignInstructors(UUID cohortId, Set<String> instructorIds) {
        return find(cohortId).flatMap(c -> store.replaceInstructors(cohortId, instructorIds).then(find(cohortId)))
                .as(tx::transactional);
    }

    /**
     * The cohort, its row locked until the caller's transaction ends (seat counting and enrollment changes
     * serialize on it); empty when there is none. Call inside a transaction.
     */
    public Mono<Cohort> lock(UUID cohortId) {
        return store.lock(cohortId);
    }

    public Mono<Cohort> find(UUID cohortId) {
        return store.find(cohortId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("COHORT_NOT_FOUND", "no cohort " + cohortId)));
    }

    /** The cohort if {@code instructorId} teaches it; otherwise not found (instructors see only theirs). */
    public Mono<Cohort> findTaughtBy(UUID cohortId, String instructorId) {
        return find(cohortId).filter(c -> c.isTaughtBy(instructorId))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("COHORT_NOT_FOUND", "no cohort " + cohortId)));
    }
}

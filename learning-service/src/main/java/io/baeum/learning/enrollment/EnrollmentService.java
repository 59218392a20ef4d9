package io.baeum.learning.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.learning.cohort.CohortService;
import io.baeum.learning.cohort.domain.Cohort;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.enrollment.domain.Enrollment;
import io.baeum.learning.enrollment.domain.EnrollmentChange;
import io.baeum.learning.enrollment.persistence.EnrollmentStore;
import io.baeum.learning.support.events.LearningEvents;

/**
 * Enrollment use cases. Each runs in one transaction holding the cohort's row lock (taken through the cohort
 * feature), so the seat count cannot change between the check and the write; the events of each transition are
 * written to the outbox in that same transaction.
 */
@Service
public class EnrollmentService {

    private final EnrollmentStore store;
    private final CohortService cohorts;
    private final LearningEvents events;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final LearningProperties properties;

    EnrollmentService(EnrollmentStore store, CohortService cohorts, LearningEvents events, TransactionalOperator tx,
                      Clock clock, LearningProperties properties) {
        this.store = store;
        this.cohorts = cohorts;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /** What billing says was paid. */
    public record Payment(String orderId, String accountId, UUID cohortId) {
    }

    /** What billing says was refunded. */
    public record Refund(String orderId, String accountId, UUID cohortId, String refundId) {
    }

    public Mono<Enrollment> apply(UUID cohortId, String accountId) {
        return inCohort(cohortId, cohort -> store.findLive(cohortId, accountId)
                .flatMap(existing -> Mono.<Enrollment>error(DomainException.conflict("ALREADY_ENROLLED",
                        "there is already a " + existing.status() + " enrollment", existing.status())))
                .switchIfEmpty(Mono.defer(() -> store.activeCount(cohortId)
                        .map(active -> Enrollment.apply(cohort, accountId, today(), clock.instant(), active))
                        .flatMap(this::insert))));
    }

    public Mono<Enrollment> assign(UUID cohortId, String accountId, String adminId) {
        return inCohort(cohortId, cohort -> store.findLive(cohortId, accountId)
                .flatMap(existing -> Mono.<Enrollment>error(DomainException.conflict("ALREADY_ENROLLED",
                        "there is already a " + existing.status() + " enrollment", existing.status())))
                .switchIfEmpty(Mono.defer(() -> store.activeCount(cohortId)
                        .map(active -> Enrollment.assign(cohort, accountId, adminId, today(), clock.instant(), active))
                        .flatMap(this::insert))));
    }

    public Mono<Enrollment> approve(UUID enrollmentId, String adminId) {
        return change(enrollmentId, (cohort, e) -> store.activeCount(cohort.id())
                .map(active -> e.approve(cohort, adminId, today(), clock.instant(), active)));
    }

    public Mono<Enrollment> reject(UUID enrollmentId, String adminId, @Nullable String reason) {
        return change(enrollmentId, (cohort, e) -> Mono.fromSupplier(() -> e.reject(adminId, reason, clock.instant())));
    }

    /** Cancels; a trainee may cancel only their own enrollment. */
    public Mono<Enrollment> cancel(UUID enrollmentId, String by, boolean admin, @Nullable String reason) {
        return change(enrollmentId, (cohort, e) -> {
            if (!admin && !e.accountId().equals(by)) {
                return Mono.error(DomainException.notFound("ENROLLMENT_NOT_FOUND", "no enrollment " + enrollmentId));
            }
            return Mono.fromSupplier(() -> e.cancel(by, reason, clock.instant()));
        });
    }

    /** A payment from billing: activates the trainee's live enrollment, or creates a paid one. */
    public Mono<Enrollment> paymentReceived(Payment payment) {
        return inCohort(payment.cohortId(), cohort -> store.activeCount(cohort.id()).flatMap(active ->
                store.findLive(cohort.id(), payment.accountId())
                        .flatMap(e -> update(e.paymentReceived(cohort, payment.orderId(), clock.instant(), active)))
                        .switchIfEmpty(Mono.defer(() -> insert(
                                Enrollment.paid(cohort, payment.accountId(), payment.orderId(), clock.instant(), active))))));
    }

    /**
     * A refund from billing ends the live enrollment its order paid for; one that has already ended (or another
     * order's enrollment) is left as it is.
     */
    public Mono<Void> refunded(Refund refund) {
        return inCohort(refund.cohortId(), cohort -> store.findLive(cohort.id(), refund.accountId())
                .filter(e -> refund.orderId().equals(e.paidOrderId()))
                .flatMap(e -> update(e.cancel("billing", "REFUNDED " + refund.refundId(), clock.instant())))
                .then());
    }

    /** Runs inside the caller's transaction when there is one (the inbox of the event consumer). */
    public Mono<Enrollment> find(UUID id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> DomainException.notFound("ENROLLMENT_NOT_FOUND", "no enrollment " + id)));
    }

    private Mono<Enrollment> change(UUID enrollmentId, BiFunction<Cohort, Enrollment, Mono<EnrollmentChange>> work) {
        return find(enrollmentId).flatMap(found -> inCohort(found.cohortId(), cohort ->
                store.find(enrollmentId).flatMap(current -> work.apply(cohort, current)).flatMap(this::update)));
    }

    /** The new enrollment and its events, in the caller's transaction. */
    private Mono<Enrollment> insert(EnrollmentChange change) {
        return store.insert(change.enrollment()).then(publish(change)).thenReturn(change.enrollment());
    }

    /** The changed enrollment and its events, in the caller's transaction. */
    private Mono<Enrollment> update(EnrollmentChange change) {
        return store.update(change.enrollment()).then(publish(change)).thenReturn(change.enrollment());
    }

    private Mono<Void> publish(EnrollmentChange change) {
        return events.publish(change.enrollment().id().toString(), change.events());
    }

    private <T> Mono<T> inCohort(UUID cohortId, Function<Cohort, Mono<T>> work) {
        return cohorts.lock(cohortId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("COHORT_NOT_FOUND", "no cohort " + cohortId)))
                .flatMap(work)
                .as(tx::transactional);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }
}

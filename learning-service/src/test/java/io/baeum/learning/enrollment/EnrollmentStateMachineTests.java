package io.baeum.learning.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.baeum.common.error.DomainException;
import io.baeum.learning.cohort.domain.Cohort;
import io.baeum.learning.enrollment.domain.Enrollment;
import io.baeum.learning.enrollment.domain.EnrollmentChange;
import io.baeum.learning.enrollment.domain.EnrollmentEvent;
import io.baeum.learning.enrollment.domain.EnrollmentStatus;

class EnrollmentStateMachineTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Instant NOW = Instant.parse("2026-03-10T01:00:00Z");
    static final Cohort COHORT = new Cohort(UUID.randomUUID(), UUID.randomUUID(), "1기", LocalDate.of(2026, 3, 2),
            LocalDate.of(2026, 4, 30), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 20), 2, Set.of());

    static String code(Runnable action) {
        try {
            action.run();
            return "none";
        } catch (DomainException v) {
            return v.code();
        }
    }

    @Test
    void anApplicationIsPendingUntilAnAdminApprovesIt() {
        Enrollment applied = Enrollment.apply(COHORT, "t-1", TODAY, NOW, 0).enrollment();
        assertThat(applied.status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(applied.approve(COHORT, "admin", TODAY, NOW, 1).enrollment().status()).isEqualTo(EnrollmentStatus.ACTIVE);
        assertThat(applied.reject("admin", "no", NOW).enrollment().status()).isEqualTo(EnrollmentStatus.REJECTED);
        assertThat(applied.cancel("t-1", null, NOW).enrollment().status()).isEqualTo(EnrollmentStatus.CANCELLED);
    }

    @Test
    void illegalTransitionsAreRefusedWithACode() {
        Enrollment active = Enrollment.assign(COHORT, "t-1", "admin", TODAY, NOW, 0).enrollment();
        Enrollment rejected = Enrollment.apply(COHORT, "t-2", TODAY, NOW, 0).enrollment().reject("admin", null, NOW).enrollment();
        Enrollment cancelled = active.cancel("admin", null, NOW).enrollment();
        assertThat(code(() -> active.approve(COHORT, "admin", TODAY, NOW, 0))).isEqualTo("ILLEGAL_ENROLLMENT_TRANSITION");
        assertThat(code(() -> active.reject("admin", null, NOW))).isEqualTo("ILLEGAL_ENROLLMENT_TRANSITION");
        assertThat(code(() -> rejected.approve(COHORT, "admin", TODAY, NOW, 0))).isEqualTo("ILLEGAL_ENROLLMENT_TRANSITION");
        assertThat(code(() -> rejected.cancel("admin", null, NOW))).isEqualTo("ILLEGAL_ENROLLMENT_TRANSITION");
        assertThat(code(() -> cancelled.cancel("admin", null, NOW))).isEqualTo("ILLEGAL_ENROLLMENT_TRANSITION");
        assertThat(code(() -> cancelled.paymentReceived(COHORT, "o-1", NOW, 0))).isEqualTo("ILLEGAL_ENROLLMENT_TRANSITION");
    }

    @Test
    void capacityAndTheEnrollmentWindowAreEnforced() {
        assertThat(code(() -> Enrollment.apply(COHORT, "t-1", TODAY, NOW, 2))).isEqualTo("COHORT_FULL");
        assertThat(code(() -> Enrollment.apply(COHORT, "t-1", LocalDate.of(2026, 3, 21), NOW, 0))).isEqualTo("ENROLLMENT_WINDOW_CLOSED");
        assertThat(code(() -> Enrollment.apply(COHORT, "t-1", TODAY, NOW, 0).enrollment().approve(COHORT, "admin", TODAY, NOW, 2)))
                .isEqualTo("COHORT_FULL");
        assertThat(code(() -> Enrollment.assign(COHORT, "t-1", "admin", LocalDate.of(2026, 5, 1), NOW, 0))).isEqualTo("STUDY_PERIOD_OVER");
    }

    @Test
    void paymentActivatesAPendingEnrollmentOrWaitsForASeat() {
        Enrollment pending = Enrollment.apply(COHORT, "t-1", TODAY, NOW, 0).enrollment();
        assertThat(pending.paymentReceived(COHORT, "o-1", NOW, 0).enrollment().status()).isEqualTo(EnrollmentStatus.ACTIVE);
        Enrollment waiting = pending.paymentReceived(COHORT, "o-1", NOW, 2).enrollment();
        assertThat(waiting.status()).isEqualTo(EnrollmentStatus.PENDING);
        assertThat(waiting.decisionReason()).isEqualTo("CAPACITY_REACHED");
        Enrollment active = pending.paymentReceived(COHORT, "o-1", NOW, 0).enrollment();
        assertThat(active.paymentReceived(COHORT, "o-1", NOW, 2).enrollment()).isEqualTo(active);
        assertThat(Enrollment.paid(COHORT, "t-3", "o-3", NOW, 0).enrollment().status()).isEqualTo(EnrollmentStatus.ACTIVE);
    }

    @Test
    void everyTransitionReturnsThePastTenseEventsOfWhatChanged() {
        EnrollmentChange applied = Enrollment.apply(COHORT, "t-1", TODAY, NOW, 0);
        assertThat(applied.events()).singleElement().isInstanceOfSatisfying(EnrollmentEvent.EnrollmentApplied.class,
                e -> assertThat(e.enrollmentId()).isEqualTo(applied.enrollment().id()));
        EnrollmentChange approved = applied.enrollment().approve(COHORT, "admin", TODAY, NOW, 0);
        assertThat(approved.events()).singleElement().isInstanceOfSatisfying(EnrollmentEvent.EnrollmentActivated.class, e -> {
            assertThat(e.activation()).isEqualTo("APPROVED");
            assertThat(e.studyFrom()).isEqualTo(COHORT.studyFrom());
            assertThat(e.studyTo()).isEqualTo(COHORT.studyTo());
        });
        assertThat(applied.enrollment().reject("admin", "no", NOW).events()).singleElement()
                .isInstanceOf(EnrollmentEvent.EnrollmentRejected.class);
        assertThat(approved.enrollment().cancel("t-1", "moved", NOW).events()).singleElement()
                .isInstanceOfSatisfying(EnrollmentEvent.EnrollmentCancelled.class,
                        e -> assertThat(e.previousStatus()).isEqualTo(EnrollmentStatus.ACTIVE));
        assertThat(Enrollment.assign(COHORT, "t-2", "admin", TODAY, NOW, 0).events()).singleElement()
                .isInstanceOfSatisfying(EnrollmentEvent.EnrollmentActivated.class, e -> assertThat(e.activation()).isEqualTo("ASSIGNED"));
        assertThat(Enrollment.paid(COHORT, "t-3", "o-3", NOW, 2).events()).singleElement()
                .isInstanceOf(EnrollmentEvent.EnrollmentApplied.class);
        assertThat(applied.enrollment().paymentReceived(COHORT, "o-1", NOW, 0).events()).singleElement()
                .isInstanceOfSatisfying(EnrollmentEvent.EnrollmentActivated.class, e -> assertThat(e.paidOrderId()).isEqualTo("o-1"));
        assertThat(approved.enrollment().paymentReceived(COHORT, "o-1", NOW, 2).events())
                .as("recording an order on an active enrollment announces nothing").isEmpty();
    }

    @Test
    void cohortsRefuseDisorderedDatesAndOverlaps() {
        assertThatThrownBy(() -> new Cohort(UUID.randomUUID(), COHORT.courseId(), "2기", LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 2), 10, Set.of()))
                .isInstanceOf(DomainException.class).hasFieldOrPropertyWithValue("code", "INVALID_COHORT_DATES");
        Cohort overlapping = new Cohort(UUID.randomUUID(), COHORT.courseId(), "2기", LocalDate.of(2026, 4, 30),
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 20), 10, Set.of());
        assertThat(code(() -> overlapping.requireNoOverlap(java.util.List.of(COHORT)))).isEqualTo("COHORT_DATES_OVERLAP");
    }
}

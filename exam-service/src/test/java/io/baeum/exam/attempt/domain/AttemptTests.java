package io.baeum.exam.attempt.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.baeum.common.error.DomainException;
import io.baeum.exam.bank.domain.ShortAnswers;

class AttemptTests {

    final Instant start = Instant.parse("2026-12-03T01:00:00Z");
    final Instant deadline = start.plus(Duration.ofMinutes(60));
    final Duration grace = Duration.ofSeconds(5);
    final Attempt attempt = Attempt.start(UUID.randomUUID(), UUID.randomUUID(), "t-1", 1, start, deadline);

    @Test
    void answersAreAcceptedUntilTheDeadlineAndItsGraceOnly() {
        attempt.ensureAcceptsAnswers(deadline.plusSeconds(5), grace);
        assertThatThrownBy(() -> attempt.ensureAcceptsAnswers(deadline.plusSeconds(6), grace))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ATTEMPT_CLOSED"));
    }

    @Test
    void aLateSubmitCountsAsSubmittedAtTheDeadlineAndAnInGraceOneAsWell() {
        Attempt late = attempt.submit(deadline.plusSeconds(600), grace, false, deadline);
        assertThat(late.submittedAt()).isEqualTo(deadline);
        assertThat(late.autoSubmitted()).isTrue();
        Attempt inGrace = attempt.submit(deadline.plusSeconds(3), grace, false, deadline);
        assertThat(inGrace.submittedAt()).isEqualTo(deadline);
        assertThat(inGrace.autoSubmitted()).isFalse();
        assertThat(inGrace.onTime()).isTrue();
    }

    @Test
    void theSweepSubmitsAtTheDeadlineAndASubmittedAttemptNeverChanges() {
        Attempt swept = attempt.autoSubmit(true, deadline);
        assertThat(swept.submittedAt()).isEqualTo(deadline);
        assertThat(swept.autoSubmit(false, deadline)).isSameAs(swept);
        assertThat(swept.submit(deadline.plusSeconds(999), grace, false, deadline)).isSameAs(swept);
        assertThatThrownBy(() -> swept.ensureAcceptsAnswers(start, grace))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ATTEMPT_SUBMITTED"));
    }

    @Test
    void anotherTraineesAttemptIsNotFound() {
        assertThatThrownBy(() -> attempt.ownedBy("t-2"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("ATTEMPT_NOT_FOUND"));
    }

    @Test
    void shortAnswersCompareWithoutSpacesAndWidth() {
        assertThat(ShortAnswers.normalise(" 객체 지향 ")).isEqualTo(ShortAnswers.normalise("객체지향"));
        assertThat(ShortAnswers.normalise("ＯＯＰ　１２")).isEqualTo("oop12");
    }
}

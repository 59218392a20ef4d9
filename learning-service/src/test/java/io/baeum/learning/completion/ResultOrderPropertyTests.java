package io.baeum.learning.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.transaction.reactive.TransactionalOperator;

import io.baeum.learning.completion.domain.EvaluationKind;
import io.baeum.learning.testing.LearningMother;
import io.baeum.learning.testing.LearningMother.CohortFixture;
import io.baeum.learning.testing.StandaloneLearning;

/**
 * Result events are idempotent and order-independent, on real PostgreSQL: the same revisions applied in order
 * to one enrollment and shuffled with duplicates to another leave the same stored results and the same decision.
 */
class ResultOrderPropertyTests {

    private static StandaloneLearning learning;
    private static LearningMother mother;
    private static CohortFixture cohort;

    @BeforeContainer
    static void start() {
        learning = StandaloneLearning.start("result_order", java.util.Map.<String, Object>of("baeum.learning.completion.sweep-enabled", "false"));
        mother = new LearningMother(learning::connect);
        cohort = mother.cohort(mother.publishedCourse("SAEOPJU", 600), LocalDate.of(2025, 12, 1), LocalDate.of(2027, 6, 30), 10_000);
    }

    @AfterContainer
    static void stop() {
        learning.close();
    }

    /** One revision of one attempt: attempt 0..2 (0, 1: the final; 2: an assignment), its revision 1..3 and score. */
    record Revision(int attempt, int revision, int score) {
    }

    @Provide
    Arbitrary<List<Revision>> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 100)).as(Revision::new).list().ofMinSize(1).ofMaxSize(10)
                .map(list -> list.stream().collect(java.util.stream.Collectors.toMap(r -> r.attempt() * 10 + r.revision(), r -> r,
                        (a, b) -> a)).values().stream().toList());
    }

    @Property(tries = 15)
    void shuffledAndDuplicatedResultsLeaveTheSameResultsAndDecision(@ForAll("histories") List<Revision> history, @ForAll long seed)
            throws SQLException {
        CompletionService completions = learning.bean(CompletionService.class);
        TransactionalOperator tx = learning.bean(TransactionalOperator.class);
        String trial = UUID.randomUUID().toString().substring(0, 8);
        UUID finalExam = UUID.randomUUID();
        UUID assignment = UUID.randomUUID();
        UUID[] attempts = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        String[] trainees = {"ref-" + trial, "shuf-" + trial};
        UUID[] enrollments = new UUID[2];
        for (int i = 0; i < 2; i++) {
            enrollments[i] = mother.activeEnrollment(cohort, trainees[i]);
            mother.execute("UPDATE enrollment SET progress_percent = 100 WHERE id = ?", enrollments[i]);
        }
        List<Revision> ordered = new ArrayList<>(history);
        ordered.sort(java.util.Comparator.comparingInt(Revision::revision));
        List<Revision> shuffled = new ArrayList<>(history);
        shuffled.addAll(history.subList(0, Math.min(3, history.size())));
        Collections.shuffle(shuffled, new Random(seed));

        for (int i = 0; i < 2; i++) {
            for (Revision r : i == 0 ? ordered : shuffled) {
                // the shuffled trainee's attempts are other attempts with the same content (attempt ids are unique)
                UUID attempt = i == 0 ? attempts[r.attempt()] : new UUID(attempts[r.attempt()].getMostSignificantBits(), ~attempts[r.attempt()].getLeastSignificantBits());
                boolean isFinal = r.attempt() < 2;
                completions.resultRecorded(new CompletionService.ResultReceived(attempt, isFinal ? finalExam : assignment,
                        isFinal ? EvaluationKind.FINAL : EvaluationKind.ASSIGNMENT, cohort.course().courseId(), null, trainees[i],
                        r.attempt() == 1 ? 2 : 1, BigDecimal.valueOf(r.score()), 60, r.score() >= 60, true, false, false,
                        Instant.parse("2026-12-03T10:00:00Z"), Instant.parse("2026-12-03T11:00:00Z"), r.revision(), null))
                        .as(tx::transactional).block();
            }
        }
        assertThat(state(enrollments[1], false)).isEqualTo(state(enrollments[0], false));
        assertThat(state(enrollments[1], true)).isEqualTo(state(enrollments[0], true));
    }

    private static String state(UUID enrollment, boolean decision) throws SQLException {
        String sql = decision
                ? "SELECT coalesce(string_agg(outcome || '/' || total_score, ','), '-') FROM completion WHERE enrollment_id = '" + enrollment + "'"
                : "SELECT string_agg(evaluation_kind || ':' || attempt_no || ':' || score || ':' || revision, ',' ORDER BY evaluation_kind, "
                        + "attempt_no) FROM evaluation_result WHERE enrollment_id = '" + enrollment + "'";
        try (Connection c = learning.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return String.valueOf(rs.getString(1));
        }
    }
}

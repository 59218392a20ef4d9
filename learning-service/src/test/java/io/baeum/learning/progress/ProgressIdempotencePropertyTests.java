package io.baeum.learning.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

import io.baeum.contract.progress.ProgressEvent;
import io.baeum.contract.progress.ProgressEventKind;
import io.baeum.learning.testing.LearningMother;
import io.baeum.learning.testing.LearningMother.CohortFixture;
import io.baeum.learning.testing.ProgressEvents;
import io.baeum.learning.testing.StandaloneLearning;

/**
 * H1 as a property on real PostgreSQL: a history of progress events applied once, in order, gives the
 * same state as the same events shuffled, cut into arbitrary batches, with duplicated and re-applied
 * batches. The two runs go to two enrollments; the second's event ids are derived from the first's.
 */
class ProgressIdempotencePropertyTests {

    private static StandaloneLearning learning;
    private static LearningMother mother;
    private static CohortFixture cohort;

    @BeforeContainer
    static void start() {
        learning = StandaloneLearning.start("progress_properties");
        mother = new LearningMother(learning::connect);
        cohort = mother.cohort(mother.publishedCourse("SAEOPJU", 600, 300), LocalDate.of(2025, 12, 1), LocalDate.of(2027, 6, 30), 10_000);
    }

    @AfterContainer
    static void stop() {
        learning.close();
    }

    /** One generated fact: kind 0..3, lesson 0..1, a second and a length. */
    record Fact(int kind, int lesson, int second, int length) {
    }

    @Provide
    Arbitrary<List<Fact>> histories() {
        Arbitrary<Fact> fact = Combinators.combine(Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 599), Arbitraries.integers().between(1, 120)).as(Fact::new);
        return fact.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 30)
    void applyingBatchesTwiceReorderedAndWithDuplicatesGivesIdenticalState(@ForAll("histories") List<Fact> history,
                                                                            @ForAll long seed) throws SQLException {
        ProgressConsumer consumer = learning.bean(ProgressConsumer.class);
        Random random = new Random(seed);
        String trial = UUID.randomUUID().toString().substring(0, 8);
        UUID reference = mother.activeEnrollment(cohort, "ref-" + trial);
        UUID shuffled = mother.activeEnrollment(cohort, "shuf-" + trial);

        List<ProgressEvent> inOrder = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            inOrder.add(event(history.get(i), i, "ref-" + trial, reference));
        }
        consumer.apply(ProgressEvents.batch(inOrder)).block();

        List<ProgressEvent> copies = new ArrayList<>(inOrder.stream().map(e -> copy(e, "shuf-" + trial, shuffled)).toList());
        Collections.shuffle(copies, random);
        List<List<ProgressEvent>> batches = new ArrayList<>();
        for (int i = 0; i < copies.size(); ) {
            int size = 1 + random.nextInt(Math.min(10, copies.size() - i));
            List<ProgressEvent> batch = new ArrayList<>(copies.subList(i, i + size));
            if (random.nextBoolean()) {
                batch.add(batch.get(random.nextInt(batch.size())));   // a duplicate inside a batch
            }
            batches.add(batch);
            i += size;
        }
        List<List<ProgressEvent>> deliveries = new ArrayList<>(batches);
        for (List<ProgressEvent> batch : batches) {
            if (random.nextInt(3) == 0) {
                deliveries.add(batch);                                  // redelivered
            }
        }
        Collections.shuffle(deliveries, random);
        deliveries.forEach(batch -> consumer.apply(ProgressEvents.batch(batch)).block());
        consumer.apply(ProgressEvents.batch(copies)).block();          // and everything once more

        assertThat(state(shuffled)).isEqualTo(state(reference));
    }

    private ProgressEvent event(Fact fact, int index, String account, UUID enrollment) {
        UUID lesson = cohort.course().lesson(fact.lesson());
        int duration = fact.lesson() == 0 ? 600 : 300;
        int from = fact.second() % duration;
        int to = Math.min(duration, from + fact.length());
        long at = 1_790_000_000_000L + index * 997L;
        ProgressEventKind kind = switch (fact.kind()) {
            case 0, 1, 2, 3, 4, 5 -> new ProgressEventKind.WatchCredited(from, Math.max(to, from + 1), (long) fact.length() * 1000, to);
            case 6 -> new ProgressEventKind.CreditRefused("SEEK_AHEAD", to, 5_000);
            case 7 -> new ProgressEventKind.SessionEnded("ENDED", from);
            case 8 -> new ProgressEventKind.ChallengeResolved("chl-" + index, ProgressEventKind.ChallengeKind.PRESENCE_CODE,
                    ProgressEventKind.ChallengeOutcome.PASSED);
            default -> new ProgressEventKind.SessionStarted("198.51.100.1", new byte[] {9}, null);
        };
        return new ProgressEvent(UUID.randomUUID(), at, account, enrollment.toString(), lesson.toString(), "pbs-1", kind);
    }

    private static ProgressEvent copy(ProgressEvent e, String account, UUID enrollment) {
        UUID id = UUID.nameUUIDFromBytes(e.eventId().toString().getBytes(StandardCharsets.UTF_8));
        return new ProgressEvent(id, e.occurredAtEpochMs(), account, enrollment.toString(), e.lessonId(), e.playbackSessionId(), e.kind());
    }

    private static List<String> state(UUID enrollment) throws SQLException {
        List<String> state = new ArrayList<>();
        query("SELECT lesson_id, watched::text, watched_seconds, furthest_second, study_millis, resume_second, percent, completed "
                + "FROM lesson_progress WHERE enrollment_id = '" + enrollment + "' ORDER BY lesson_id", state);
        query("SELECT completed_lessons, progress_percent FROM enrollment WHERE id = '" + enrollment + "'", state);
        query("SELECT study_day, lesson_id FROM lesson_study_day WHERE enrollment_id = '" + enrollment + "' ORDER BY 1, 2", state);
        query("SELECT kind, lesson_id, occurred_at_ms, detail::text FROM progress_evidence WHERE enrollment_id = '" + enrollment
                + "' ORDER BY occurred_at_ms, kind", state);
        return state;
    }

    private static void query(String sql, List<String> into) throws SQLException {
        try (Connection c = learning.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                into.add(row.toString());
            }
        }
    }
}

package io.baeum.learning.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.awspring.cloud.sqs.listener.MessageListenerContainerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

import io.baeum.contract.progress.ProgressBatchV1Codec;
import io.baeum.contract.progress.ProgressEnvelopeCodec;
import io.baeum.contract.progress.ProgressEvent;
import io.baeum.learning.config.DeadLetters;
import io.baeum.learning.testing.LearningMother;
import io.baeum.learning.testing.LearningMother.CohortFixture;
import io.baeum.learning.testing.ProgressEvents;
import io.baeum.testing.BaeumInfrastructure;

/** The progress-events consumer on real PostgreSQL and ElasticMQ: apply, reject to the DLQ, survive faults. */
@SpringBootTest
class ProgressConsumerIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres()
            .withSqs("progress-events", "learning-events").withVisibilityTimeout(Duration.ofSeconds(2));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
    }

    private static final long T0 = 1_790_000_000_000L;

    @Autowired
    ProgressEnvelopeCodec codec;

    @Autowired
    ProgressConsumer consumer;

    @Autowired
    MessageListenerContainerRegistry containers;

    @Autowired
    MeterRegistry meters;

    LearningMother mother;
    CohortFixture cohort;

    @BeforeEach
    void setUp() {
        mother = new LearningMother(infra.database());
        // a cohort that started in 2025: the COVERAGE policy (v1) is in force for it
        cohort = mother.cohort(mother.publishedCourse("SAEOPJU", 600, 600), LocalDate.of(2025, 12, 1), LocalDate.of(2027, 6, 30), 50);
        containers.getContainerById("progress-events").start();
    }

    @Test
    void whenALessonIsWatchedThroughThenItIsCompleteWithCourseProgressAndEvidence() throws Exception {
        UUID enrollment = mother.activeEnrollment(cohort, "acc-1");
        ProgressEvents events = new ProgressEvents("acc-1", enrollment, cohort.course().lesson(0));
        send(ProgressEvents.seal(List.of(events.started(T0), events.watched(T0 + 1, 0, 300), events.refused(T0 + 2, "SEEK_AHEAD", 500))));
        send(ProgressEvents.seal(List.of(events.watched(T0 + 3, 300, 500), events.challenge(T0 + 4, "chl-1"), events.ended(T0 + 5, 500))));

        await().atMost(Duration.ofSeconds(20)).until(() -> queryInt("SELECT count(*) FROM progress_evidence WHERE enrollment_id = '" + enrollment + "'") == 4);
        Map<String, Object> lesson = row("SELECT watched_seconds, furthest_second, study_millis, resume_second, percent, completed "
                + "FROM lesson_progress WHERE enrollment_id = '" + enrollment + "'");
        assertThat(lesson).containsEntry("watched_seconds", 500).containsEntry("furthest_second", 500)
                .containsEntry("study_millis", 500_000L).containsEntry("resume_second", 500).containsEntry("percent", 83)
                .containsEntry("completed", true);
        assertThat(row("SELECT completed_lessons, progress_percent::text AS p FROM enrollment WHERE id = '" + enrollment + "'"))
                .containsEntry("completed_lessons", 1).containsEntry("p", "50.00");
        assertThat(evidenceChainIsIntact(enrollment)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> infra.sqs().visibleMessages("progress-events") == 0);
    }

    @Test
    void batchesThatFailVerificationOrDecodingLandInTheDeadLetterQueueWithAReasonAndChangeNothing() throws Exception {
        UUID enrollment = mother.activeEnrollment(cohort, "acc-2");
        ProgressEvents events = new ProgressEvents("acc-2", enrollment, cohort.course().lesson(0));
        List<ProgressEvent> watched = List.of(events.watched(T0, 0, 100));
        String honest = ProgressEvents.seal(watched);
        infra.sqs().drain("progress-events-dlq", 100);

        send(ProgressEvents.tampered(honest));
        send(ProgressEvents.seal(ProgressEvents.UNKNOWN, watched));
        send(ProgressEvents.truncated(honest));
        send("A".repeat(262_145));

        List<Message> dead = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            dead.addAll(infra.sqs().client().receiveMessage(b -> b.queueUrl(infra.sqs().queueUrl("progress-events-dlq"))
                    .maxNumberOfMessages(10).messageAttributeNames("All").waitTimeSeconds(1)).join().messages());
            return dead.size() >= 4;
        });
        assertThat(dead).extracting(m -> m.messageAttributes().get(DeadLetters.REASON)).extracting(MessageAttributeValue::stringValue)
                .containsExactlyInAnyOrder("BAD_SIGNATURE", "UNKNOWN_KEY", "TRUNCATED", "TOO_LONG");
        assertThat(queryInt("SELECT count(*) FROM lesson_progress WHERE enrollment_id = '" + enrollment + "'")).isZero();
        assertThat(queryInt("SELECT count(*) FROM inbox_event WHERE event_id = '" + watched.getFirst().eventId() + "'")).isZero();
        assertThat(meters.counter("baeum.progress.batches.rejected", "reason", "BAD_SIGNATURE").count()).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> infra.sqs().visibleMessages("progress-events") == 0);
    }

    @Test
    void aConsumerThatCommittedButNeverAcknowledgedChangesNothingOnRedelivery() throws Exception {
        UUID enrollment = mother.activeEnrollment(cohort, "acc-3");
        ProgressEvents events = new ProgressEvents("acc-3", enrollment, cohort.course().lesson(0));
        containers.getContainerById("progress-events").stop();
        send(ProgressEvents.seal(List.of(events.watched(T0, 0, 120), events.refused(T0 + 1, "RATE_TOO_HIGH", 120), events.ended(T0 + 2, 120))));

        // the "crashed" consumer: receives the message, commits its effect, dies before deleting it
        Message message = infra.sqs().client().receiveMessage(b -> b.queueUrl(infra.sqs().queueUrl("progress-events"))
                .waitTimeSeconds(5)).join().messages().getFirst();
        consumer.apply(codec.open(message.body(), new ProgressBatchV1Codec()).payload()).block();
        Map<String, Object> committed = state(enrollment);
        double duplicatesBefore = meters.counter("baeum.progress.events", "outcome", "duplicate").count();

        containers.getContainerById("progress-events").start();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                meters.counter("baeum.progress.events", "outcome", "duplicate").count() >= duplicatesBefore + 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> infra.sqs().visibleMessages("progress-events") == 0);
        assertThat(state(enrollment)).isEqualTo(committed);
        assertThat(committed).containsEntry("study_millis", 120_000L).containsEntry("evidence", 2);
    }

    @Test
    void whenPostgresDropsTheConnectionMidBatchTheMessageIsRedeliveredAndAppliedOnce() throws Exception {
        UUID enrollment = mother.activeEnrollment(cohort, "acc-4");
        ProgressEvents events = new ProgressEvents("acc-4", enrollment, cohort.course().lesson(1));
        try (Connection blocker = infra.database().connect()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // the consumer blocks on its study-day insert: after the inbox claim and the progress merge
                lock.execute("LOCK TABLE lesson_study_day IN ACCESS EXCLUSIVE MODE");
            }
            send(ProgressEvents.seal(List.of(events.watched(T0, 0, 200), events.watched(T0 + 1, 200, 300))));
            int pid = await().atMost(Duration.ofSeconds(20)).until(() -> queryInt(
                    "SELECT COALESCE(max(pid), 0) FROM pg_stat_activity WHERE datname = current_database() "
                            + "AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO lesson_study_day%'"), p -> p > 0);
            queryInt("SELECT CASE WHEN pg_terminate_backend(" + pid + ") THEN 1 ELSE 0 END");
            blocker.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> queryInt("SELECT count(*) FROM lesson_progress WHERE enrollment_id = '"
                + enrollment + "'") == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> infra.sqs().visibleMessages("progress-events") == 0);
        assertThat(state(enrollment)).containsEntry("study_millis", 300_000L).containsEntry("watched_seconds", 300);
        assertThat(meters.counter("baeum.progress.batches", "outcome", "failed", "key", "test-current").count()).isGreaterThanOrEqualTo(1);
    }

    private void send(String body) {
        infra.sqs().client().sendMessage(b -> b.queueUrl(infra.sqs().queueUrl("progress-events")).messageBody(body)).join();
    }

    private Map<String, Object> state(UUID enrollment) throws SQLException {
        Map<String, Object> state = new java.util.LinkedHashMap<>(row("SELECT watched::text AS watched, watched_seconds, study_millis, "
                + "resume_second, percent, completed FROM lesson_progress WHERE enrollment_id = '" + enrollment + "'"));
        state.put("evidence", queryInt("SELECT count(*) FROM progress_evidence WHERE enrollment_id = '" + enrollment + "'"));
        state.put("days", queryInt("SELECT count(*) FROM lesson_study_day WHERE enrollment_id = '" + enrollment + "'"));
        return state;
    }

    private boolean evidenceChainIsIntact(UUID enrollment) throws SQLException {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, prev_hash, hash, lag(hash) OVER (ORDER BY seq) AS expected_prev "
                     + "FROM progress_evidence WHERE enrollment_id = '" + enrollment + "' ORDER BY seq")) {
            long seq = 0;
            while (rs.next()) {
                seq++;
                if (rs.getLong("seq") != seq) {
                    return false;
                }
                byte[] expected = rs.getBytes("expected_prev");
                if (expected != null && !java.util.Arrays.equals(expected, rs.getBytes("prev_hash"))) {
                    return false;
                }
            }
            return seq > 0;
        }
    }

    private int queryInt(String sql) throws SQLException {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private Map<String, Object> row(String sql) throws SQLException {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as("a row for " + sql).isTrue();
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
            }
            return row;
        }
    }
}

package io.baeum.learning.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.services.sqs.model.Message;

import io.baeum.learning.config.DeadLetters;
import io.baeum.learning.progress.ProgressConsumer;
import io.baeum.learning.testing.ExamResults;
import io.baeum.learning.testing.ExamResults.Result;
import io.baeum.learning.testing.LearningMother;
import io.baeum.learning.testing.LearningMother.CohortFixture;
import io.baeum.learning.testing.ProgressEvents;
import io.baeum.testing.BaeumInfrastructure;

/**
 * Completion end to end on real PostgreSQL and ElasticMQ: exam results arrive on learning-events, progress through the
 * consumer, the sweep closes ended cohorts; decisions, certificates and outbox events are read back from the database.
 * Policy (V5): progress ≥ 80, total ≥ 60, weights final 60 / assignments 30 / stages 10, on time required.
 */
@SpringBootTest(properties = "baeum.learning.completion.sweep-enabled=false")
class CompletionIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres()
            .withSqs("progress-events", "learning-events").withVisibilityTimeout(Duration.ofSeconds(2));

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
    }

    @Autowired
    CompletionService completions;

    @Autowired
    ProgressConsumer progress;

    LearningMother mother;
    CohortFixture running;
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
    final UUID finalExam = UUID.randomUUID();
    final UUID assignment = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        mother = new LearningMother(infra.database());
        running = mother.cohort(mother.publishedCourse("SAEOPJU", 600, 600), LocalDate.of(2025, 12, 1), today.plusDays(30), 100);
    }

    String trainee() {
        return UUID.randomUUID().toString();
    }

    UUID enrolled(CohortFixture cohort, String trainee, int progressPercent) {
        UUID enrollment = mother.activeEnrollment(cohort, trainee);
        mother.execute("UPDATE enrollment SET progress_percent = ? WHERE id = ?", progressPercent, enrollment);
        return enrollment;
    }

    Result result(CohortFixture cohort, String trainee, UUID evaluation, String kind, int attemptNo, String score, boolean onTime) {
        return ExamResults.result(evaluation, kind, cohort.course().courseId(), cohort.cohortId(), trainee, attemptNo, score, onTime);
    }

    @Test
    void aTraineeMeetingEveryCriterionCompletesWithWhyAndACertificate() throws Exception {
        String trainee = trainee();
        UUID enrollment = enrolled(running, trainee, 100);
        send(result(running, trainee, assignment, "ASSIGNMENT", 1, "70", true).event());
        awaitCount("SELECT count(*) FROM evaluation_result WHERE enrollment_id = '" + enrollment + "'", 1);
        assertThat(count("SELECT count(*) FROM completion WHERE enrollment_id = '" + enrollment + "'")).as("no final yet: undecided").isZero();

        send(result(running, trainee, finalExam, "FINAL", 1, "80", true).event());

        awaitCount("SELECT count(*) FROM completion WHERE outcome = 'COMPLETED' AND enrollment_id = '" + enrollment + "'", 1);
        // (60 × 80 + 30 × 70) / 90 = 76.67 (the course has no stage evaluation: its weight leaves the total)
        assertThat(text("SELECT total_score::text FROM completion WHERE enrollment_id = '" + enrollment + "'")).isEqualTo("76.67");
        assertThat(text("SELECT c->>'met' FROM completion, jsonb_array_elements(criteria) c WHERE enrollment_id = '" + enrollment
                + "' AND c->>'criterion' = 'PROGRESS'")).isEqualTo("true");
        assertThat(count("SELECT count(*) FROM certificate WHERE enrollment_id = '" + enrollment + "' AND revoked_at IS NULL")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM certificate_issue i JOIN certificate c ON c.number = i.number WHERE c.enrollment_id = '"
                + enrollment + "'")).isEqualTo(1);
        assertThat(outbox("CourseCompleted", enrollment.toString())).isEqualTo(3);   // exam, billing, rag
        assertThat(count("SELECT count(*) FROM completion_decision WHERE enrollment_id = '" + enrollment + "'")).isEqualTo(1);
    }

    @Test
    void aTotalBelowSixtyFailsAndAReExamRaisingTheScoreCompletes() throws Exception {
        String trainee = trainee();
        UUID enrollment = enrolled(running, trainee, 90);
        send(result(running, trainee, finalExam, "FINAL", 1, "45", true).event());
        awaitCount("SELECT count(*) FROM completion WHERE outcome = 'FAILED' AND enrollment_id = '" + enrollment + "'", 1);
        assertThat(text("SELECT c->>'met' FROM completion, jsonb_array_elements(criteria) c WHERE enrollment_id = '" + enrollment
                + "' AND c->>'criterion' = 'TOTAL_SCORE'")).isEqualTo("false");
        assertThat(outbox("CourseFailed", enrollment.toString())).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM certificate WHERE enrollment_id = '" + enrollment + "'")).isZero();

        send(result(running, trainee, finalExam, "FINAL", 2, "75", true).event());

        awaitCount("SELECT count(*) FROM completion WHERE outcome = 'COMPLETED' AND decision_no = 2 AND enrollment_id = '" + enrollment + "'", 1);
        assertThat(count("SELECT count(*) FROM certificate WHERE enrollment_id = '" + enrollment + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM completion_decision WHERE enrollment_id = '" + enrollment + "'")).isEqualTo(2);
    }

    @Test
    void aLateFinalExamDoesNotCount() throws Exception {
        String trainee = trainee();
        UUID enrollment = enrolled(running, trainee, 100);
        send(result(running, trainee, finalExam, "FINAL", 1, "95", false).event());
        awaitCount("SELECT count(*) FROM completion WHERE outcome = 'FAILED' AND enrollment_id = '" + enrollment + "'", 1);
        assertThat(text("SELECT c->>'lateExcluded' FROM completion, jsonb_array_elements(criteria) c WHERE enrollment_id = '"
                + enrollment + "' AND c->>'criterion' = 'FINAL_SCORE'")).isEqualTo("1");
    }

    @Test
    void progressShortOfTheThresholdIsDecidedFailedWhenTheCohortHasEnded() throws Exception {
        CohortFixture ended = mother.cohort(mother.publishedCourse("SAEOPJU", 600), LocalDate.of(2025, 10, 1), today.minusDays(10), 10);
        String trainee = trainee();
        UUID enrollment = enrolled(ended, trainee, 50);
        UUID absent = enrolled(ended, trainee(), 0);
        send(result(ended, trainee, finalExam, "FINAL", 1, "100", true).event());
        awaitCount("SELECT count(*) FROM evaluation_result WHERE enrollment_id = '" + enrollment + "'", 1);
        assertThat(count("SELECT count(*) FROM completion WHERE enrollment_id = '" + enrollment + "'")).isZero();

        completions.sweepEndedCohorts(7, 1000).block();

        assertThat(text("SELECT outcome FROM completion WHERE enrollment_id = '" + enrollment + "'")).isEqualTo("FAILED");
        assertThat(text("SELECT c->>'met' FROM completion, jsonb_array_elements(criteria) c WHERE enrollment_id = '" + enrollment
                + "' AND c->>'criterion' = 'PROGRESS'")).isEqualTo("false");
        assertThat(text("SELECT trigger FROM completion_decision WHERE enrollment_id = '" + absent + "'")).isEqualTo("COURSE_ENDED");
        assertThat(text("SELECT outcome FROM completion WHERE enrollment_id = '" + absent + "'")).isEqualTo("FAILED");
        assertThat(completions.sweepEndedCohorts(7, 1000).block()).as("a second pass has nothing left").isZero();
    }

    @Test
    void progressReachingTheThresholdAfterTheResultsDecidesAndAnnouncesLessonsAndMilestones() throws Exception {
        String trainee = trainee();
        UUID enrollment = enrolled(running, trainee, 0);
        send(result(running, trainee, finalExam, "FINAL", 1, "90", true).event());
        awaitCount("SELECT count(*) FROM evaluation_result WHERE enrollment_id = '" + enrollment + "'", 1);
        assertThat(count("SELECT count(*) FROM completion WHERE enrollment_id = '" + enrollment + "'")).isZero();

        long t0 = 1_790_000_000_000L;
        ProgressEvents first = new ProgressEvents(trainee, enrollment, running.course().lesson(0));
        progress.apply(ProgressEvents.batch(List.of(first.watched(t0, 0, 600)))).block();
        assertThat(count("SELECT count(*) FROM completion WHERE enrollment_id = '" + enrollment + "'")).as("50 %: not yet").isZero();
        ProgressEvents second = new ProgressEvents(trainee, enrollment, running.course().lesson(1));
        progress.apply(ProgressEvents.batch(List.of(second.watched(t0 + 1, 0, 600)))).block();

        assertThat(text("SELECT outcome FROM completion WHERE enrollment_id = '" + enrollment + "'")).isEqualTo("COMPLETED");
        assertThat(text("SELECT trigger FROM completion_decision WHERE enrollment_id = '" + enrollment + "'")).isEqualTo("PROGRESS");
        assertThat(outbox("LessonCompleted", enrollment.toString())).isEqualTo(4);   // 2 lessons × exam, rag
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = 'io.baeum.learning.CourseProgressMilestoneReached.v1' "
                + "AND destination = 'exam-events' AND payload->>'subject' = '" + enrollment + "'")).isEqualTo(2);
        assertThat(text("SELECT string_agg(payload->'data'->>'milestone', ',' ORDER BY (payload->'data'->>'milestone')::int) FROM outbox_event "
                + "WHERE type = 'io.baeum.learning.CourseProgressMilestoneReached.v1' AND payload->>'subject' = '" + enrollment + "'"))
                .isEqualTo("50,80");
        assertThat(text("SELECT payload->'data'->>'accountId' FROM outbox_event WHERE type = 'io.baeum.learning.LessonCompleted.v1' "
                + "AND payload->>'subject' = '" + enrollment + "' LIMIT 1")).isEqualTo(trainee);
    }

    @Test
    void aConfirmedCopiedAnswerTakesTheCompletionAndTheCertificateBack() throws Exception {
        String trainee = trainee();
        UUID enrollment = enrolled(running, trainee, 100);
        Result exam = result(running, trainee, finalExam, "FINAL", 1, "90", true);
        send(exam.event());
        awaitCount("SELECT count(*) FROM certificate WHERE enrollment_id = '" + enrollment + "'", 1);

        send(exam.revised("0", 2, "COPIED_ANSWER").event());

        awaitCount("SELECT count(*) FROM completion WHERE outcome = 'FAILED' AND enrollment_id = '" + enrollment + "'", 1);
        assertThat(count("SELECT count(*) FROM certificate WHERE enrollment_id = '" + enrollment + "' AND revoked_at IS NOT NULL")).isEqualTo(1);
        assertThat(text("SELECT payload->'data'->>'previousOutcome' FROM outbox_event WHERE type = 'io.baeum.learning.CourseFailed.v1' "
                + "AND payload->>'subject' = '" + enrollment + "' LIMIT 1")).isEqualTo("COMPLETED");
        assertThat(outbox("CertificateRevoked", null)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void resultsTwiceAndOutOfOrderKeepTheHighestRevision() throws Exception {
        String trainee = trainee();
        UUID enrollment = enrolled(running, trainee, 100);
        Result first = result(running, trainee, finalExam, "FINAL", 1, "50", true);
        Result regraded = first.revised("85", 2, "REGRADED");
        String regradedEvent = regraded.event();
        send(regradedEvent);
        send(regradedEvent);
        awaitCount("SELECT count(*) FROM completion WHERE outcome = 'COMPLETED' AND enrollment_id = '" + enrollment + "'", 1);
        send(first.event());
        send(first.event());
        await().atMost(Duration.ofSeconds(20)).until(() -> infra.sqs().visibleMessages("learning-events") == 0);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() ->
                text("SELECT score::text || '/' || revision FROM evaluation_result WHERE attempt_id = '" + first.attemptId() + "'").equals("85.00/2"));
        assertThat(text("SELECT outcome || '/' || decision_no FROM completion WHERE enrollment_id = '" + enrollment + "'")).isEqualTo("COMPLETED/1");
    }

    @Test
    void resultsForUnknownEnrollmentsAndMalformedResultsGoToTheDeadLetterQueueAndWriteNothing() throws Exception {
        infra.sqs().drain("learning-events-dlq", 100);
        Result stranger = result(running, trainee(), finalExam, "FINAL", 1, "90", true);
        send(stranger.event());
        Result outOfRange = result(running, trainee(), finalExam, "FINAL", 1, "190", true);
        send(outOfRange.event());
        send(stranger.event().replace("\"evaluationKind\":\"FINAL\"", "\"evaluationKind\":\"QUIZ\""));

        List<Message> dead = new java.util.ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            dead.addAll(infra.sqs().client().receiveMessage(b -> b.queueUrl(infra.sqs().queueUrl("learning-events-dlq"))
                    .maxNumberOfMessages(10).messageAttributeNames("All").waitTimeSeconds(1)).join().messages());
            return dead.size() >= 3;
        });
        assertThat(dead).extracting(m -> m.messageAttributes().get(DeadLetters.REASON).stringValue())
                // a slow consumer may see a message again after the 2 s visibility timeout: the reasons, not the count
                .containsOnly("ENROLLMENT_NOT_FOUND", "MALFORMED_EVENT").contains("ENROLLMENT_NOT_FOUND", "MALFORMED_EVENT");
        assertThat(count("SELECT count(*) FROM evaluation_result WHERE attempt_id IN ('" + stranger.attemptId() + "', '"
                + outOfRange.attemptId() + "')")).isZero();
    }

    private void send(String body) {
        infra.sqs().client().sendMessage(b -> b.queueUrl(infra.sqs().queueUrl("learning-events")).messageBody(body)).join();
    }

    private int outbox(String type, String subject) throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE type = 'io.baeum.learning." + type + ".v1'"
                + (subject == null ? "" : " AND payload->>'subject' = '" + subject + "'"));
    }

    private void awaitCount(String sql, int expected) {
        await().atMost(Duration.ofSeconds(20)).until(() -> count(sql) == expected);
    }

    private int count(String sql) throws SQLException {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? String.valueOf(rs.getString(1)) : "<none>";
        }
    }
}

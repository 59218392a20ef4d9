package io.baeum.exam.attempt;

import static io.baeum.exam.testing.ExamFixture.data;
import static io.baeum.exam.testing.ExamFixture.itemIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;

import io.baeum.exam.testing.ExamFixture;
import io.baeum.exam.testing.ExamTokens;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.MutableClock;

/**
 * Attempts on the real PostgreSQL and SQS with the server's clock moved by the test: opening rules fed
 * by learning's events, the pool rule, unseen-first draws, deadlines, the sweep, concurrent starts,
 * E1–E4, re-exam windows and bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AttemptIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("exam-events", "learning-events");

    static final MutableClock clock = MutableClock.runningWithSystemTime();
    static final ExamTokens tokens = new ExamTokens(clock);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", tokens::jwksUri);
    }

    @TestConfiguration
    static class ServerClock {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @AfterAll
    static void closeTokens() {
        tokens.close();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    Attempts attempts;

    @LocalServerPort
    int port;

    ExamFixture exam;

    @BeforeEach
    void fixture() {
        exam = new ExamFixture(web, tokens, infra, clock);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void publishingIsRefusedWhileAPoolHoldsFewerThanThreeTimesTheItemsDrawn() {
        exam.choiceItems("C-POOL", "HIGH", 9);
        String tooMany = exam.evaluation("C-POOL", "STAGE").draw("HIGH", 4).draft();
        exam.publish(tooMany).expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("POOL_TOO_SMALL");
        assertThat(exam.text("SELECT status FROM evaluation WHERE id = '" + tooMany + "'")).isEqualTo("DRAFT");
        String enough = exam.evaluation("C-POOL", "STAGE").draw("HIGH", 3).draft();
        exam.publish(enough).expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo("PUBLISHED");
    }

    @Test
    void drawsPreferItemsTheTraineeHasNotSeenInEarlierAttempts() {
        exam.choiceItems("C-DRAW", "MEDIUM", 9);
        String stage = exam.evaluation("C-DRAW", "STAGE").draw("MEDIUM", 3).set("maxAttempts", 4).published();
        exam.enrolled("t-draw", "C-DRAW", 10);
        String trainee = tokens.trainee("t-draw");
        Set<String> seen = new HashSet<>();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Map<String, Object> a = exam.started(trainee, stage);
            assertThat(a.get("attemptNo")).isEqualTo(attempt);
            assertThat(itemIds(a)).hasSize(3).noneMatch(seen::contains);
            seen.addAll(itemIds(a));
            exam.submit(trainee, (String) a.get("id")).expectStatus().isOk();
        }
        assertThat(seen).hasSize(9);
        Map<String, Object> fourth = exam.started(trainee, stage);
        assertThat(itemIds(fourth)).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void theDeadlineIsTheTimeLimitCutAtClosingOnTheServerClockAndTheSweepSubmitsAtTheDeadline() {
        List<String> items = exam.choiceItems("C-TIME", "LOW", 3);
        String timed = exam.evaluation("C-TIME", "FINAL").fixed(items).set("timeLimitSeconds", 600).published();
        String closing = exam.evaluation("C-TIME", "STAGE").fixed(items).set("timeLimitSeconds", 3600)
                .set("closesAt", clock.instant().plus(Duration.ofMinutes(5)).toString()).published();
        exam.enrolled("t-time", "C-TIME", 90);
        String trainee = tokens.trainee("t-time");

        Map<String, Object> cut = exam.started(trainee, closing);
        assertThat(Instant.parse((String) cut.get("deadline"))).isEqualTo(exam.instant("SELECT closes_at FROM evaluation WHERE id = '" + closing + "'"));

        Map<String, Object> attempt = exam.started(trainee, timed);
        String id = (String) attempt.get("id");
        Instant started = Instant.parse((String) attempt.get("startedAt"));
        Instant deadline = Instant.parse((String) attempt.get("deadline"));
        assertThat(deadline).isEqualTo(started.plusSeconds(600));
        exam.save(trainee, id, items.get(0), 1, List.of(2), null).expectStatus().isOk();

        // the trainee leaves; the server's clock runs on past the deadline and its grace
        clock.advance(Duration.ofMinutes(11));
        String later = tokens.trainee("t-time");
        exam.save(later, id, items.get(1), 2, List.of(2), null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("ATTEMPT_CLOSED");
        assertThat(attempts.sweepOnce().block()).isEqualTo(2);
        assertThat(attempts.sweepOnce().block()).as("never submitted twice").isZero();
        exam.view(later, id).expectStatus().isOk().expectBody()
                .jsonPath("$.data.status").isEqualTo("GRADED")
                .jsonPath("$.data.autoSubmitted").isEqualTo(true)
                .jsonPath("$.data.onTime").isEqualTo(true)
                .jsonPath("$.data.submittedAt").isEqualTo(deadline.toString())
                .jsonPath("$.data.result.score").isEqualTo(33.33);
        assertThat(exam.count("SELECT count(*) FROM evidence WHERE attempt_id = '" + id + "' AND action = 'ATTEMPT_AUTO_SUBMITTED'")).isEqualTo(1);
        assertThat(exam.count("SELECT count(*) FROM answer WHERE attempt_id = '" + id + "'")).isEqualTo(1);
        exam.submit(later, id).expectStatus().isOk().expectBody().jsonPath("$.data.submittedAt").isEqualTo(deadline.toString());
    }

    @Test
    void fiftyConcurrentStartsGiveExactlyOneAttempt() {
        List<String> items = exam.choiceItems("C-RACE", "LOW", 3);
        String finalExam = exam.evaluation("C-RACE", "FINAL").fixed(items).published();
        exam.enrolled("t-race", "C-RACE", 95);
        String trainee = tokens.trainee("t-race");
        WebClient client = WebClient.create("http://127.0.0.1:" + port);
        List<Integer> statuses = Flux.range(0, 50)
                .flatMap(i -> client.post().uri("/api/v1/exams/evaluations/{id}/attempts", finalExam).headers(h -> h.setBearerAuth(trainee))
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 50)
                .collectList().block(Duration.ofSeconds(60));
        assertThat(statuses).hasSize(50).allMatch(s -> s == 200 || s == 201);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(exam.count("SELECT count(*) FROM attempt WHERE evaluation_id = '" + finalExam + "'")).isEqualTo(1);
        assertThat(exam.count("SELECT count(*) FROM evidence WHERE evaluation_id = '" + finalExam + "' AND action = 'ATTEMPT_STARTED'")).isEqualTo(1);
    }

    @Test
    void anotherTraineesAttemptDoesNotExistForThemAndNothingIsWritten() {
        List<String> items = exam.choiceItems("C-E1", "LOW", 3);
        String stage = exam.evaluation("C-E1", "STAGE").fixed(items).published();
        exam.enrolled("t-owner", "C-E1", 10);
        String owner = tokens.trainee("t-owner");
        String intruder = tokens.trainee("t-intruder");
        String id = (String) exam.started(owner, stage).get("id");
        exam.view(intruder, id).expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("ATTEMPT_NOT_FOUND");
        exam.save(intruder, id, items.get(0), 1, List.of(1), null).expectStatus().isNotFound();
        exam.submit(intruder, id).expectStatus().isNotFound();
        assertThat(exam.count("SELECT count(*) FROM answer WHERE attempt_id = '" + id + "'")).isZero();
        assertThat(exam.text("SELECT status FROM attempt WHERE id = '" + id + "'")).isEqualTo("IN_PROGRESS");
        web.get().uri("/api/v1/exams/manage/grading").headers(h -> h.setBearerAuth(intruder)).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/exams/attempts/{id}", id).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void answerKeysAndExplanationsReachATraineeOnlyOnceTheAttemptIsGraded() {
        List<String> items = List.of(exam.choiceItem("C-E4", "LOW", "보이면 안 되는 정답"), exam.shortItem("C-E4", "패러다임은?"),
                exam.essayItem("C-E4", "설명하시오.", 10));
        String stage = exam.evaluation("C-E4", "STAGE").fixed(items).published();
        exam.enrolled("t-e4", "C-E4", 10);
        String trainee = tokens.trainee("t-e4");
        List<String> bodies = new java.util.ArrayList<>();
        bodies.add(body(web.get().uri("/api/v1/exams/evaluations").headers(h -> h.setBearerAuth(trainee)).exchange().expectStatus().isOk()));
        String startBody = body(exam.start(trainee, stage).expectStatus().isCreated());
        bodies.add(startBody);
        String id = exam.text("SELECT id FROM attempt WHERE trainee_id = 't-e4'");
        bodies.add(body(exam.save(trainee, id, items.get(0), 1, List.of(2), null).expectStatus().isOk()));
        bodies.add(body(exam.save(trainee, id, items.get(1), 1, null, "객체지향").expectStatus().isOk()));
        bodies.add(body(exam.save(trainee, id, items.get(2), 1, null, "캡슐화는 정보 은닉이다.").expectStatus().isOk()));
        bodies.add(body(exam.view(trainee, id).expectStatus().isOk()));
        bodies.add(body(web.get().uri("/api/v1/exams/attempts").headers(h -> h.setBearerAuth(trainee)).exchange().expectStatus().isOk()));
        bodies.add(body(exam.submit(trainee, id).expectStatus().isOk()));
        bodies.add(body(exam.view(trainee, id).expectStatus().isOk()));
        assertThat(bodies).allSatisfy(b -> assertThat(b).doesNotContain(ExamFixture.SECRET_EXPLANATION).doesNotContain("correctChoices")
                .doesNotContain("acceptedAnswers").doesNotContain("\"marking\":{").doesNotContain("\"result\":{"));
        exam.view(trainee, id).expectBody().jsonPath("$.data.status").isEqualTo("SUBMITTED");

        web.put().uri("/api/v1/exams/manage/attempts/{a}/grades/{p}", id, items.get(2)).headers(h -> h.setBearerAuth(tokens.instructor("i-1")))
                .bodyValue(Map.of("points", 8, "feedback", "좋아요")).exchange().expectStatus().isOk();
        exam.view(trainee, id).expectStatus().isOk().expectBody()
                .jsonPath("$.data.status").isEqualTo("GRADED")
                .jsonPath("$.data.items[0].marking.explanation").isEqualTo(ExamFixture.SECRET_EXPLANATION)
                .jsonPath("$.data.items[0].marking.correctChoices[0]").isEqualTo(2)
                .jsonPath("$.data.items[1].marking.points").isEqualTo(10.0)
                .jsonPath("$.data.items[2].marking.feedback").isEqualTo("좋아요")
                .jsonPath("$.data.result.score").isEqualTo(93.33);
    }

    String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aSubmittedAttemptNeverChangesAndSubmittingAgainChangesNothing() {
        List<String> items = exam.choiceItems("C-E3", "LOW", 3);
        String stage = exam.evaluation("C-E3", "STAGE").fixed(items).published();
        exam.enrolled("t-e3", "C-E3", 10);
        String trainee = tokens.trainee("t-e3");
        String id = (String) exam.started(trainee, stage).get("id");
        exam.save(trainee, id, items.get(0), 5, List.of(2), null).expectStatus().isOk().expectBody().jsonPath("$.data.applied").isEqualTo(true);
        exam.save(trainee, id, items.get(0), 3, List.of(1), null).expectStatus().isOk().expectBody().jsonPath("$.data.applied").isEqualTo(false);
        exam.save(trainee, id, items.get(0), 5, List.of(1), null).expectStatus().isOk().expectBody().jsonPath("$.data.applied").isEqualTo(false);
        String first = body(exam.submit(trainee, id).expectStatus().isOk());
        exam.submit(trainee, id).expectStatus().isOk().expectBody().jsonPath("$.data.submittedAt")
                .isEqualTo(exam.instant("SELECT submitted_at FROM attempt WHERE id = '" + id + "'").toString());
        assertThat(first).contains("\"status\":\"GRADED\"");
        exam.save(trainee, id, items.get(0), 9, List.of(3), null).expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.error.code").isEqualTo("ATTEMPT_SUBMITTED");
        assertThat(exam.text("SELECT response->>'choices' FROM answer WHERE attempt_id = '" + id + "'")).isEqualTo("[2]");
        assertThat(exam.count("SELECT count(*) FROM evidence WHERE attempt_id = '" + id + "' AND action = 'ATTEMPT_SUBMITTED'")).isEqualTo(1);
    }

    @Test
    void answersThatDoNotFitOrAreNotInTheAttemptAreRefusedWithACodeAndNothingIsWritten() {
        List<String> items = exam.choiceItems("C-BAD", "LOW", 3);
        String other = exam.choiceItem("C-BAD", "HIGH", "다른 문제");
        String stage = exam.evaluation("C-BAD", "STAGE").fixed(items).published();
        exam.enrolled("t-bad", "C-BAD", 10);
        String trainee = tokens.trainee("t-bad");
        String id = (String) exam.started(trainee, stage).get("id");
        exam.save(trainee, id, other, 1, List.of(1), null).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.error.code").isEqualTo("ITEM_NOT_IN_ATTEMPT");
        exam.save(trainee, id, items.get(0), 1, List.of(1, 2), null).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error.code").isEqualTo("ANSWER_DOES_NOT_FIT");
        exam.save(trainee, id, items.get(0), 1, null, "글자").expectStatus().isBadRequest();
        exam.save(trainee, id, items.get(0), -1, List.of(1), null).expectStatus().isBadRequest();
        web.put().uri("/api/v1/exams/attempts/{id}/answers/{p}", id, items.get(0)).headers(h -> h.setBearerAuth(trainee))
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).bodyValue("{\"seq\": \"x\", \"choices\": 1}").exchange()
                .expectStatus().isBadRequest();
        web.put().uri("/api/v1/exams/attempts/{id}/answers/{p}", id, "not-a-uuid").headers(h -> h.setBearerAuth(trainee))
                .bodyValue(Map.of("seq", 1)).exchange().expectStatus().isBadRequest();
        assertThat(exam.count("SELECT count(*) FROM answer WHERE attempt_id = '" + id + "'")).isZero();
    }

    @Test
    void theFinalExamOpensAtEightyPercentProgressAfterAFreshIdentityCheck() {
        List<String> items = exam.choiceItems("C-OPEN", "LOW", 3);
        String finalExam = exam.evaluation("C-OPEN", "FINAL").fixed(items).published();
        exam.start(tokens.trainee("t-stranger"), finalExam).expectStatus().isForbidden().expectBody()
                .jsonPath("$.error.code").isEqualTo("NOT_ENROLLED");
        exam.enrolled("t-open", "C-OPEN", 50);
        exam.start(tokens.trainee("t-open"), finalExam).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.error.code").isEqualTo("EVALUATION_LOCKED");
        exam.enrolled("t-open", "C-OPEN", 85);
        exam.start(tokens.traineeVerifiedAt("t-open", null), finalExam).expectStatus().isForbidden().expectBody()
                .jsonPath("$.error.code").isEqualTo("STEP_UP_REQUIRED");
        exam.start(tokens.traineeVerifiedAt("t-open", clock.instant().minus(Duration.ofHours(2))), finalExam).expectStatus().isForbidden();
        assertThat(exam.count("SELECT count(*) FROM attempt WHERE evaluation_id = '" + finalExam + "'")).isZero();
        exam.start(tokens.trainee("t-open"), finalExam).expectStatus().isCreated();
        exam.learning().send("io.baeum.learning.EnrollmentCancelled.v1", Map.of("accountId", "t-open", "courseId", "C-OPEN"), clock.instant());
        await().atMost(Duration.ofSeconds(20)).until(() -> exam.count("SELECT count(*) FROM standing WHERE account_id = 't-open' AND active") == 0);
    }

    @Test
    void aReExamIsOfferedOnlyToThoseWhoSatAndFailedWithANonBlankSheetWithinTheWindow() {
        List<String> items = exam.choiceItems("C-RE", "LOW", 3);
        String finalExam = exam.evaluation("C-RE", "FINAL").fixed(items).published();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Seoul"));
        // failed with answers, the study period ended two days ago: inside end +1..+7
        exam.enrolled("t-failed", "C-RE", 90, today.minusDays(60), today.minusDays(2));
        String failed = tokens.trainee("t-failed");
        String first = (String) exam.started(failed, finalExam).get("id");
        exam.save(failed, first, items.get(0), 1, List.of(1), null).expectStatus().isOk();
        exam.submit(failed, first).expectStatus().isOk().expectBody().jsonPath("$.data.result.passed").isEqualTo(false);
        exam.start(failed, finalExam).expectStatus().isCreated().expectBody().jsonPath("$.data.attemptNo").isEqualTo(2);
        String second = exam.text("SELECT id FROM attempt WHERE trainee_id = 't-failed' AND attempt_no = 2");
        exam.submit(failed, second).expectStatus().isOk();
        exam.start(failed, finalExam).expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("ATTEMPTS_EXHAUSTED");

        // a blank sheet: never a re-exam
        exam.enrolled("t-blank", "C-RE", 90, today.minusDays(60), today.minusDays(2));
        String blank = tokens.trainee("t-blank");
        exam.submit(blank, (String) exam.started(blank, finalExam).get("id")).expectStatus().isOk();
        exam.start(blank, finalExam).expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("REEXAM_AFTER_BLANK");

        // failed, but the study period ended ten days ago: outside the window
        exam.enrolled("t-late", "C-RE", 90, today.minusDays(60), today.minusDays(10));
        String late = tokens.trainee("t-late");
        String lateAttempt = (String) exam.started(late, finalExam).get("id");
        exam.save(late, lateAttempt, items.get(0), 1, List.of(3), null).expectStatus().isOk();
        exam.submit(late, lateAttempt).expectStatus().isOk();
        exam.start(late, finalExam).expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("REEXAM_WINDOW_CLOSED");

        // passed: no re-exam
        exam.enrolled("t-passed", "C-RE", 90, today.minusDays(60), today.minusDays(2));
        String passed = tokens.trainee("t-passed");
        String passedAttempt = (String) exam.started(passed, finalExam).get("id");
        for (String item : items) {
            exam.save(passed, passedAttempt, item, 1, List.of(2), null).expectStatus().isOk();
        }
        exam.submit(passed, passedAttempt).expectStatus().isOk().expectBody().jsonPath("$.data.result.passed").isEqualTo(true);
        exam.start(passed, finalExam).expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("ATTEMPTS_EXHAUSTED");
    }

    @Test
    void aMalformedLearningEventGoesToTheDeadLetterQueueWithItsReason() {
        exam.learning().sendRaw("{\"not\": \"an event\"}");
        exam.learning().send("io.baeum.learning.EnrollmentActivated.v1", Map.of("courseId", "C-X"), clock.instant());
        exam.learning().send("io.baeum.learning.SomethingElse.v1", Map.of("accountId", "a"), clock.instant());
        await().atMost(Duration.ofSeconds(20)).until(() -> infra.sqs().visibleMessages("exam-events-dlq") == 2);
    }
}

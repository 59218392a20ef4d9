package io.baeum.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.baeum.suite.clients.AuthClient;
import io.baeum.suite.clients.Beat;
import io.baeum.suite.clients.LearningClient;
import io.baeum.suite.clients.Player;
import io.baeum.suite.fixtures.Courses;
import io.baeum.suite.fixtures.Courses.Classroom;
import io.baeum.suite.fixtures.People;
import io.baeum.suite.fixtures.People.Person;
import io.baeum.suite.support.Api;
import io.baeum.suite.support.Suite;

/**
 * Scenario 1, the spine end to end through the gateway: an admin publishes a course with a short lesson
 * and a cohort; a trainee signs up, applies, is approved, opens the lesson, plays it through in real
 * time with beats at the policy's interval; the progress travels heartbeat → SQS → learning and shows as
 * complete in the trainee's classroom and in the instructor's table; the trainee then passes the final exam and
 * receives a certificate whose verification URL answers VALID through the gateway.
 */
@Order(1)
class HonestTraineeCompletesIT {

    private static final Api browser = Suite.browser();
    private static final AuthClient auth = new AuthClient(browser);
    private static final LearningClient learning = new LearningClient(browser);

    private static Classroom classroom;

    @BeforeAll
    static void anAdminPublishesACourseWithAShortLessonAndACohort() {
        classroom = Courses.classroom(auth, learning);
    }

    @Test
    void aTraineeWhoWatchesTheLessonThroughCompletesItAndTheCourseInTheClassroomAndTheInstructorsTable() {
        Person trainee = People.newVerifiedTrainee(auth, "honest");
        String enrollment = learning.apply(trainee.token(), classroom.course().cohortId());
        learning.openLesson(trainee.token(), enrollment, classroom.course().lessonId()).assertError(403, "NOT_ENROLLED");
        learning.approve(classroom.admin().token(), enrollment);

        JsonNode opened = learning.openLesson(trainee.token(), enrollment, classroom.course().lessonId()).data(201);
        Player player = Player.start(browser, trainee.token(), opened.path("grant").asString());
        assertThat(player.interval()).as("the policy's beat interval").isEqualTo(Duration.ofSeconds(10));

        player.play("visible");
        Instant giveUp = Instant.now().plusSeconds(Courses.RECOGNISED_SECONDS * 3L);
        Beat last;
        do {
            last = player.playFor(player.interval(), "visible");
            assertThat(last.refusal()).as("visible playing at 1x earns credit: %s", last).isNull();
            assertThat(last.creditedMillis()).as("credited: %s", last).isPositive();
        } while (!last.completed() && Instant.now().isBefore(giveUp));
        assertThat(last.completed()).as("heartbeat's totals after %s s of play: %s", Courses.RECOGNISED_SECONDS, last).isTrue();
        assertThat(last.progressPercent()).isEqualTo(100);
        assertThat(last.studyMillis()).as("study time is capped at the recognised time").isEqualTo(Courses.RECOGNISED_SECONDS * 1000L);
        player.finish();

        // progress reaches learning-service through SQS, asynchronously
        await("the completed lesson in the trainee's classroom").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonNode lesson = learning.lessonProgress(trainee.token(), enrollment).get(0);
                    assertThat(lesson.path("lessonId").asString()).isEqualTo(classroom.course().lessonId());
                    assertThat(lesson.path("completed").asBoolean()).as("lesson %s", lesson).isTrue();
                    assertThat(lesson.path("percent").asInt()).as("lesson %s", lesson).isEqualTo(100);
                    assertThat(lesson.path("studyMillis").asLong()).as("lesson %s", lesson)
                            .isEqualTo(Courses.RECOGNISED_SECONDS * 1000L);
                });
        JsonNode card = learning.myCourse(trainee.token(), enrollment);
        assertThat(card.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(card.path("completedLessons").asInt()).as("course card %s", card).isEqualTo(1);
        assertThat(card.path("totalLessons").asInt()).as("course card %s", card).isEqualTo(1);
        assertThat(card.path("progressPercent").asDouble()).as("진도율 on the course card %s", card).isEqualTo(100.0);

        JsonNode row = learning.instructorRow(classroom.instructor().token(), classroom.course().cohortId(), enrollment);
        assertThat(row.path("accountId").asString()).isEqualTo(trainee.id());
        assertThat(row.path("completedLessons").asInt()).as("instructor's row %s", row).isEqualTo(1);
        assertThat(row.path("progressPercent").asDouble()).as("instructor's row %s", row).isEqualTo(100.0);

        passesTheFinalExamAndVerifiesTheCertificate(trainee);
    }

    /**
     * The honest trainee takes the course's final exam at exam-service (opened by learning's enrollment and 80 %
     * milestone events on exam-events), passes it; exam's result reaches learning on learning-events, learning
     * decides 수료 and issues a certificate whose public verification URL answers VALID through the gateway.
     */
    private void passesTheFinalExamAndVerifiesTheCertificate(Person trainee) {
        Api asAdmin = browser.as(classroom.admin().token());
        String course = classroom.course().courseId();
        String item = asAdmin.post("/api/v1/admin/question-banks/items", Map.of("courseId", course, "type", "SINGLE_CHOICE",
                "difficulty", "LOW", "stem", "진도율 80% 이상과 총점 60점 이상이면?", "choices", List.of("미수료", "수료"),
                "correctChoices", List.of(2), "points", 100)).data(201).path("id").asString();
        String exam = asAdmin.post("/api/v1/admin/exams", Map.of("courseId", course, "kind", "FINAL", "title", "최종평가",
                "opensAt", Instant.now().minusSeconds(60).toString(), "closesAt", Instant.now().plusSeconds(3600).toString(),
                "timeLimitSeconds", 600, "fixedItems", List.of(item))).data(201).path("id").asString();
        asAdmin.post("/api/v1/admin/exams/{id}/publish", null, exam).data();

        Api asTrainee = browser.as(trainee.token());
        await("the final exam opens (enrollment and 80 % milestone reached exam-service)").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> asTrainee.post("/api/v1/exams/evaluations/{id}/attempts", null, exam).status() == 201);
        String attempt = asTrainee.post("/api/v1/exams/evaluations/{id}/attempts", null, exam).data(200).path("id").asString();
        asTrainee.put("/api/v1/exams/attempts/{id}/answers/{part}", Map.of("seq", 1, "choices", List.of(2)), attempt, item).data();
        asTrainee.post("/api/v1/exams/attempts/{id}/submit", null, attempt).data();

        JsonNode certificate = await("the certificate issued on completion").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> asTrainee.get("/api/v1/me/certificates").data(), list -> list.size() == 1).get(0);
        String number = certificate.path("number").asString();
        assertThat(number).matches("\\d{4}-\\d{6}-[0-9X]");
        String verificationUrl = certificate.path("verificationUrl").asString();
        assertThat(verificationUrl).endsWith("/api/v1/certificates/" + number + "/verification");

        // anyone (no token) through the gateway
        JsonNode verified = browser.get(java.net.URI.create(verificationUrl).getPath()).data();
        assertThat(verified.path("status").asString()).isEqualTo("VALID");
        assertThat(verified.path("number").asString()).isEqualTo(number);
        assertThat(verified.has("holderName") && !verified.path("holderName").isNull()).as("no name unless the holder chose").isFalse();
        assertThat(asTrainee.get("/api/v1/me/certificates/{n}.pdf?form=HRD", number).status()).isEqualTo(200);
    }
}

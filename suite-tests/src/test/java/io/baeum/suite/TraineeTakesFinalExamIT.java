package io.baeum.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.suite.clients.AuthClient;
import io.baeum.suite.fixtures.People;
import io.baeum.suite.fixtures.People.Person;
import io.baeum.suite.support.Api;
import io.baeum.suite.support.Suite;

/**
 * A final exam through the gateway: an admin authors items and a one-minute final exam; learning's
 * enrollment and progress facts reach exam-service on {@code exam-events}; a verified trainee starts,
 * autosaves, leaves the page and comes back to the same attempt; the server's sweep submits it at the
 * deadline (finish time = the deadline); the instructor grades the essay in the queue and the trainee
 * sees the result with the keys.
 */
class TraineeTakesFinalExamIT {

    private static final Api browser = Suite.browser();
    private static final AuthClient auth = new AuthClient(browser);
    private static final JsonMapper json = new JsonMapper();

    @Test
    void aTraineesFinalExamIsAutoSubmittedAtTheDeadlineAndTheInstructorGradesTheEssay() throws Exception {
        String course = "SUITE-EXAM-" + People.RUN;
        Person admin = People.admin(auth);
        Api asAdmin = browser.as(admin.token());
        String choice = asAdmin.post("/api/v1/admin/question-banks/items", Map.of("courseId", course, "type", "SINGLE_CHOICE",
                "difficulty", "LOW", "stem", "자바의 정수형 기본 타입은?", "choices", List.of("String", "int", "Integer"), "correctChoices", List.of(2),
                "points", 10, "explanation", "int는 기본 타입")).data(201).path("id").asString();
        String essay = asAdmin.post("/api/v1/admin/question-banks/items", Map.of("courseId", course, "type", "ESSAY", "difficulty", "MEDIUM",
                "stem", "캡슐화를 설명하시오.", "points", 20)).data(201).path("id").asString();
        String exam = asAdmin.post("/api/v1/admin/exams", Map.of("courseId", course, "kind", "FINAL", "title", "최종평가",
                "opensAt", Instant.now().minusSeconds(60).toString(), "closesAt", Instant.now().plusSeconds(3600).toString(),
                "timeLimitSeconds", 60, "fixedItems", List.of(choice, essay))).data(201).path("id").asString();
        asAdmin.post("/api/v1/admin/exams/{id}/publish", null, exam).data();

        Person trainee = People.newVerifiedTrainee(auth, "exam");
        Api asTrainee = browser.as(trainee.token());
        LocalDate today = LocalDate.now();
        learningSays("io.baeum.learning.EnrollmentActivated.v1", Map.of("enrollmentId", UUID.randomUUID().toString(), "accountId", trainee.id(),
                "courseId", course, "studyFrom", today.minusDays(30).toString(), "studyTo", today.plusDays(30).toString()));
        learningSays("io.baeum.learning.CourseProgressChanged.v1", Map.of("accountId", trainee.id(), "courseId", course, "progressPercent", 85));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> asTrainee.post("/api/v1/exams/evaluations/{id}/attempts", null, exam).status() == 201);
        JsonNode attempt = asTrainee.get("/api/v1/exams/evaluations").data();
        assertThat(attempt.toString()).contains(exam);
        JsonNode started = asTrainee.post("/api/v1/exams/evaluations/{id}/attempts", null, exam).data(200);
        String id = started.path("id").asString();
        Instant deadline = Instant.parse(started.path("deadline").asString());
        assertThat(deadline).isEqualTo(Instant.parse(started.path("startedAt").asString()).plusSeconds(60));
        assertThat(started.toString()).doesNotContain("int는 기본 타입");

        asTrainee.put("/api/v1/exams/attempts/{id}/answers/{part}", Map.of("seq", 1, "choices", List.of(2)), id, choice).data();
        asTrainee.put("/api/v1/exams/attempts/{id}/answers/{part}", Map.of("seq", 1, "text", "캡슐화는 내부 상태를 숨기고 메서드로만 바꾸게 한다."),
                id, essay).data();

        // the trainee leaves the page and comes back: the same attempt, the same deadline, the saved answers
        JsonNode back = asTrainee.post("/api/v1/exams/evaluations/{id}/attempts", null, exam).data(200);
        assertThat(back.path("id").asString()).isEqualTo(id);
        assertThat(back.path("deadline").asString()).isEqualTo(deadline.toString());
        assertThat(back.path("items").get(0).path("answer").path("choices").get(0).asInt()).isEqualTo(2);

        // ... and leaves again; the server submits at the deadline
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(() -> !"IN_PROGRESS".equals(asTrainee.get("/api/v1/exams/attempts/{id}", id).data().path("status").asString()));
        JsonNode submitted = asTrainee.get("/api/v1/exams/attempts/{id}", id).data();
        assertThat(submitted.path("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.path("autoSubmitted").asBoolean()).isTrue();
        assertThat(Instant.parse(submitted.path("submittedAt").asString())).isEqualTo(deadline);
        assertThat(submitted.toString()).doesNotContain("int는 기본 타입");

        Api asInstructor = browser.as(People.instructor(auth).token());
        JsonNode queue = asInstructor.get("/api/v1/exams/manage/grading?evaluationId={e}", exam).data();
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.get(0).path("partId").asString()).isEqualTo(essay);
        asInstructor.put("/api/v1/exams/manage/attempts/{a}/grades/{p}", Map.of("points", 14, "feedback", "핵심은 맞음"), id, essay).data();

        JsonNode graded = asTrainee.get("/api/v1/exams/attempts/{id}", id).data();
        assertThat(graded.path("status").asString()).isEqualTo("GRADED");
        assertThat(graded.path("result").path("score").decimalValue()).isEqualByComparingTo("80.00");
        assertThat(graded.path("result").path("passed").asBoolean()).isTrue();
        assertThat(graded.toString()).contains("int는 기본 타입");
    }

    /** learning-service's event on exam-events (ElasticMQ's query API: the suite has no SQS SDK). */
    private static void learningSays(String type, Map<String, Object> data) throws Exception {
        String body = json.writeValueAsString(Map.of("specversion", "1.0", "id", UUID.randomUUID().toString(), "type", type,
                "source", "/learning-service", "time", Instant.now().toString(), "datacontenttype", "application/json", "data", data));
        String form = "Action=SendMessage&MessageBody=" + URLEncoder.encode(body, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:9324/000000000000/exam-events"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}

package io.baeum.exam.grading;

import static io.baeum.exam.testing.ExamFixture.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.exam.testing.Essays;
import io.baeum.exam.testing.ExamFixture;
import io.baeum.exam.testing.ExamTokens;
import io.baeum.testing.BaeumInfrastructure;

/**
 * Grading and the copied-answer check on the real PostgreSQL and SQS: the manual queue, append-only
 * regrades, results on learning's queue, and a seeded cohort flagged exactly on its copied pairs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GradingIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("exam-events", "learning-events");

    static final ExamTokens tokens = new ExamTokens(java.time.Clock.systemUTC());
    static final JsonMapper json = new JsonMapper();
    static final List<JsonNode> results = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", tokens::jwksUri);
    }

    @AfterAll
    static void closeTokens() {
        tokens.close();
    }

    @Autowired
    WebTestClient web;

    ExamFixture exam;
    final String instructor = tokens.instructor("inst-1");

    @BeforeEach
    void fixture() {
        exam = new ExamFixture(web, tokens, infra, java.time.Clock.systemUTC());
    }

    /** Results learning-service would receive: everything on learning-events so far. */
    List<JsonNode> resultsOf(String attempt) {
        infra.sqs().drain("learning-events", 10).forEach(m -> results.add(json.readTree(m.body())));
        return results.stream().filter(e -> e.get("subject").asString().equals(attempt)).toList();
    }

    WebTestClient.ResponseSpec grade(String attempt, String part, Object points) {
        return web.put().uri("/api/v1/exams/manage/attempts/{a}/grades/{p}", attempt, part).headers(h -> h.setBearerAuth(instructor))
                .bodyValue(Map.of("points", points, "feedback", "논리가 분명함", "rubric", List.of(Map.of("criterion", "정확성", "points", points))))
                .exchange();
    }

    @Test
    void essaysWaitInTheGradingQueueAndResultsAndAppendOnlyRegradesGoToLearning() {
        String choice = exam.choiceItem("C-GRADE", "LOW", "객관식");
        String essay = exam.essayItem("C-GRADE", "서술하시오.", 20);
        String stage = exam.evaluation("C-GRADE", "STAGE").fixed(List.of(choice, essay)).published();
        List<String> attempts = new ArrayList<>();
        for (String trainee : List.of("g-1", "g-2")) {
            exam.enrolled(trainee, "C-GRADE", 10);
            String token = tokens.trainee(trainee);
            String id = (String) exam.started(token, stage).get("id");
            exam.save(token, id, choice, 1, List.of(2), null).expectStatus().isOk();
            exam.save(token, id, essay, 1, null, Essays.INDEPENDENT.get(attempts.size())).expectStatus().isOk();
            exam.submit(token, id).expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo("SUBMITTED");
            attempts.add(id);
        }
        web.get().uri("/api/v1/exams/manage/grading?evaluationId={e}", stage).headers(h -> h.setBearerAuth(instructor)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.metadata.total").isEqualTo(2)
                .jsonPath("$.data[0].partId").isEqualTo(essay).jsonPath("$.data[0].type").isEqualTo("ESSAY")
                .jsonPath("$.data[0].answer.text").isNotEmpty();
        web.get().uri("/api/v1/exams/manage/grading?itemId={i}", essay).headers(h -> h.setBearerAuth(instructor)).exchange()
                .expectBody().jsonPath("$.metadata.total").isEqualTo(2);
        web.get().uri("/api/v1/exams/manage/grading?traineeId=g-2").headers(h -> h.setBearerAuth(instructor)).exchange()
                .expectBody().jsonPath("$.metadata.total").isEqualTo(1).jsonPath("$.data[0].attemptId").isEqualTo(attempts.get(1));

        String first = attempts.getFirst();
        grade(first, essay, 25).expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("POINTS_OUT_OF_RANGE");
        grade(first, choice, 5).expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("ALREADY_GRADED");
        grade(first, essay, 15).expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo("GRADED")
                .jsonPath("$.data.score").isEqualTo(83.33).jsonPath("$.data.passed").isEqualTo(true);
        grade(first, essay, 16).expectStatus().isEqualTo(409);
        web.get().uri("/api/v1/exams/manage/grading?evaluationId={e}", stage).headers(h -> h.setBearerAuth(instructor)).exchange()
                .expectBody().jsonPath("$.metadata.total").isEqualTo(1);

        web.post().uri("/api/v1/exams/manage/attempts/{a}/grades/{p}/regrades", first, essay).headers(h -> h.setBearerAuth(instructor))
                .bodyValue(Map.of("points", 6, "reason", "채점 기준 재적용")).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data.score").isEqualTo(53.33).jsonPath("$.data.passed").isEqualTo(false).jsonPath("$.data.resultRevision").isEqualTo(2);
        web.post().uri("/api/v1/exams/manage/attempts/{a}/grades/{p}/regrades", first, essay).headers(h -> h.setBearerAuth(instructor))
                .bodyValue(Map.of("points", 6)).exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/exams/manage/attempts/{a}", first).headers(h -> h.setBearerAuth(instructor)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.regrades[0].oldPoints").isEqualTo(15.0).jsonPath("$.data.regrades[0].newPoints").isEqualTo(6.0)
                .jsonPath("$.data.regrades[0].reason").isEqualTo("채점 기준 재적용").jsonPath("$.data.regrades[0].changedBy").isEqualTo("inst-1");
        assertThat(exam.count("SELECT count(*) FROM grade_change WHERE attempt_id = '" + first + "'")).isEqualTo(1);
        assertThat(exam.count("SELECT count(*) FROM evidence WHERE attempt_id = '" + first + "' AND action IN ('GRADED', 'REGRADED')")).isEqualTo(2);

        await().atMost(Duration.ofSeconds(20)).until(() -> resultsOf(first).size() == 2);
        List<JsonNode> events = resultsOf(first);
        assertThat(events).allSatisfy(e -> assertThat(e.get("type").asString()).isEqualTo("io.baeum.exam.ExamResultRecorded.v1"));
        JsonNode firstResult = events.stream().filter(e -> e.get("data").get("revision").asInt() == 1).findFirst().orElseThrow().get("data");
        assertThat(firstResult.get("score").decimalValue()).isEqualByComparingTo("83.33");
        assertThat(firstResult.get("passed").asBoolean()).isTrue();
        assertThat(firstResult.get("onTime").asBoolean()).isTrue();
        assertThat(firstResult.get("traineeId").asString()).isEqualTo("g-1");
        assertThat(firstResult.get("courseId").asString()).isEqualTo("C-GRADE");
        assertThat(firstResult.get("evaluationKind").asString()).isEqualTo("STAGE");
        JsonNode regraded = events.stream().filter(e -> e.get("data").get("revision").asInt() == 2).findFirst().orElseThrow().get("data");
        assertThat(regraded.get("passed").asBoolean()).isFalse();
        assertThat(regraded.get("reason").asString()).isEqualTo("REGRADED");
    }

    WebTestClient.ResponseSpec upload(String token, String attempt, byte[] bytes, String name) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        }).contentType(MediaType.APPLICATION_PDF);
        return web.post().uri("/api/v1/exams/attempts/{id}/files", attempt).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build())).exchange();
    }

    @Test
    void aSeededCohortIsFlaggedExactlyOnTheCopiedEssayTheIdenticalFileAndTheSharedImprobableWrongAnswers() {
        String course = "C-SIM";
        List<String> choices = exam.choiceItems(course, "MEDIUM", 10);
        String essay = exam.essayItem(course, "캡슐화를 설명하시오.", 20);
        List<String> items = new ArrayList<>(choices);
        items.add(essay);
        String stage = exam.evaluation(course, "STAGE").fixed(items).published();
        String assignment = exam.evaluation(course, "ASSIGNMENT").set("assignmentPoints", 100).published();
        List<String> trainees = List.of("s-1", "s-2", "s-3", "s-4", "s-5", "s-6", "s-7", "s-8");
        List<String> essays = new ArrayList<>(List.of(Essays.ORIGINAL, Essays.COPIED));
        essays.addAll(Essays.INDEPENDENT);
        Map<String, Map<Integer, Integer>> wrong = Map.of(
                "s-5", Map.of(0, 4, 1, 4, 2, 4, 3, 4, 4, 4, 5, 4, 6, 4, 7, 4),
                "s-6", Map.of(0, 4, 1, 4, 2, 4, 3, 4, 4, 4, 5, 4, 6, 4, 7, 4),
                "s-7", Map.of(0, 1, 3, 3),
                "s-8", Map.of(1, 3, 9, 1),
                "s-3", Map.of(5, 1));
        Map<String, String> examAttempts = new java.util.HashMap<>();
        Map<String, String> assignmentAttempts = new java.util.HashMap<>();
        for (int t = 0; t < trainees.size(); t++) {
            String trainee = trainees.get(t);
            exam.enrolled(trainee, course, 60);
            String token = tokens.trainee(trainee);
            String id = (String) exam.started(token, stage).get("id");
            examAttempts.put(trainee, id);
            for (int i = 0; i < choices.size(); i++) {
                int answer = wrong.getOrDefault(trainee, Map.of()).getOrDefault(i, 2);
                exam.save(token, id, choices.get(i), 1, List.of(answer), null).expectStatus().isOk();
            }
            exam.save(token, id, essay, 1, null, essays.get(t)).expectStatus().isOk();
            exam.submit(token, id).expectStatus().isOk();

            String handIn = (String) exam.started(token, assignment).get("id");
            assignmentAttempts.put(trainee, handIn);
            byte[] file = trainee.equals("s-3") || trainee.equals("s-4") ? "%PDF-1.7 같은 보고서 내용".getBytes()
                    : ("%PDF-1.7 " + trainee + "의 보고서").getBytes();
            upload(token, handIn, file, trainee + ".pdf").expectStatus().isCreated();
            exam.save(token, handIn, handIn, 1, null, "과제 설명 " + trainee).expectStatus().isOk();
            exam.submit(token, handIn).expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo("SUBMITTED");
        }

        web.post().uri("/api/v1/exams/manage/evaluations/{e}/similarity-checks", stage).headers(h -> h.setBearerAuth(instructor)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.newFlags").isEqualTo(2);
        web.post().uri("/api/v1/exams/manage/evaluations/{e}/similarity-checks", assignment).headers(h -> h.setBearerAuth(instructor)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.newFlags").isEqualTo(1);
        web.post().uri("/api/v1/exams/manage/evaluations/{e}/similarity-checks", stage).headers(h -> h.setBearerAuth(instructor)).exchange()
                .expectBody().jsonPath("$.data.newFlags").isEqualTo(0);

        List<Map<String, Object>> flags = flags(stage);
        assertThat(flags).extracting(f -> f.get("kind") + ":" + pair(f)).containsExactlyInAnyOrder("SIMILAR_TEXT:s-1+s-2",
                "COMMON_WRONG_ANSWERS:s-5+s-6");
        assertThat(flags(assignment)).extracting(f -> f.get("kind") + ":" + pair(f)).containsExactly("IDENTICAL_FILE:s-3+s-4");
        Map<String, Object> text = flags.stream().filter(f -> f.get("kind").equals("SIMILAR_TEXT")).findFirst().orElseThrow();
        assertThat((List<?>) ((Map<?, ?>) text.get("evidence")).get("passages")).isNotEmpty();
        Map<String, Object> wrongAnswers = flags.stream().filter(f -> f.get("kind").equals("COMMON_WRONG_ANSWERS")).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) wrongAnswers.get("evidence")).get("identicalImprobableWrong")).isEqualTo(8);

        web.post().uri("/api/v1/exams/manage/similarity-flags/{f}/decision", text.get("id")).headers(h -> h.setBearerAuth(instructor))
                .bodyValue(Map.of("confirmed", true, "reason", "서술형 답안 복사 확인")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("CONFIRMED");
        web.post().uri("/api/v1/exams/manage/similarity-flags/{f}/decision", text.get("id")).headers(h -> h.setBearerAuth(instructor))
                .bodyValue(Map.of("confirmed", false, "reason", "다시")).exchange().expectStatus().isEqualTo(409);
        for (String trainee : List.of("s-1", "s-2")) {
            String id = examAttempts.get(trainee);
            assertThat(exam.text("SELECT score::text || '/' || passed || '/' || score_reason FROM attempt WHERE id = '" + id + "'"))
                    .isEqualTo("0.00/false/COPIED_ANSWER");
            exam.view(tokens.trainee(trainee), id).expectBody().jsonPath("$.data.result.reason").isEqualTo("COPIED_ANSWER");
            assertThat(exam.count("SELECT count(*) FROM evidence WHERE attempt_id = '" + id + "' AND action = 'SIMILARITY_CONFIRMED'")).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> resultsOf(examAttempts.get("s-2")).stream()
                .anyMatch(e -> e.get("data").toString().contains("COPIED_ANSWER")));
        web.get().uri("/api/v1/exams/manage/trainees/s-2/evidence").headers(h -> h.setBearerAuth(instructor)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data[0].action").isEqualTo("ATTEMPT_STARTED").jsonPath("$.metadata.total").value(n ->
                        assertThat(((Number) n).intValue()).isGreaterThan(10));
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> flags(String evaluation) {
        Map<?, ?> body = web.get().uri("/api/v1/exams/manage/evaluations/{e}/similarity-flags", evaluation).headers(h -> h.setBearerAuth(instructor))
                .exchange().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) body.get("data");
    }

    static String pair(Map<String, Object> flag) {
        List<String> owners = new ArrayList<>(List.of((String) flag.get("traineeA"), (String) flag.get("traineeB")));
        owners.sort(String::compareTo);
        return owners.get(0) + "+" + owners.get(1);
    }
}

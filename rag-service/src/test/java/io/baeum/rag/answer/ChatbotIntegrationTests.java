package io.baeum.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.rag.answer.generation.ExtractiveGenerator;
import io.baeum.rag.index.IndexSweeper;
import io.baeum.rag.testing.AnswerStream;
import io.baeum.rag.testing.RagEvents;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestAccessTokens;

/**
 * Questions over HTTP on the real PostgreSQL with pgvector: streamed answers with citations, R1 (course
 * scope), R4 (open evaluation items refused, with evidence), "I don't know", bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class ChatbotIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("rag-events");

    static final TestAccessTokens tokens = new TestAccessTokens(Clock.systemUTC());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", () -> tokens.jwksUri().toString());
    }

    @AfterAll
    static void closeTokens() {
        tokens.close();
    }

    static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient web;

    @Autowired
    IndexSweeper sweeper;

    final String admin = tokens.token("admin-1").roles("ADMIN").sign();
    final String traineeA = tokens.token("trainee-a").sign();
    final String traineeB = tokens.token("trainee-b").sign();

    static boolean loaded;

    @BeforeEach
    void corpus() {
        if (loaded) {
            return;
        }
        // the first request opens the Redis connection of the session deny-list; wait until it answers
        await().atMost(Duration.ofSeconds(30)).until(() -> web.get().uri("/api/v1/admin/chatbot/index")
                .headers(h -> h.setBearerAuth(admin)).exchange().returnResult(String.class).getStatus().value() == 200);
        document(Map.of("kind", "FAQ", "title", "수강 신청 FAQ", "body", """
                ## 수강 신청은 어떻게 하나요?
                과정 상세 페이지에서 수강 신청 버튼을 누르면 됩니다. 결제가 끝나면 수강이 자동으로 승인됩니다.
                ## 수강 취소와 환불은 어떻게 하나요?
                나의 강의실에서 취소를 신청할 수 있습니다. 환불 금액은 학습 진도에 따라 달라집니다.
                """));
        document(Map.of("kind", "MATERIAL", "courseId", "course-a", "lessonId", "lesson-a1", "title", "자바 기초 1차시", "body", """
                # 변수와 자료형
                자바의 변수는 값을 저장하는 이름 붙은 공간입니다. int는 32비트 정수형이고 long은 64비트 정수형입니다.
                # 조건문
                if 문은 조건이 참일 때만 블록을 실행합니다. switch 문은 값에 따라 분기합니다.
                """));
        document(Map.of("kind", "MATERIAL", "courseId", "course-b", "lessonId", "lesson-b1", "title", "비밀 과정 자료", "body", """
                # 암호화폐 지갑
                콜드월렛은 인터넷과 분리된 보관소입니다. 니모닉 문구는 절대 공유하지 마세요.
                """));
        sweeper.sweepAll().block();
        send(RagEvents.enrollmentActivated("enr-a", "trainee-a", "course-a"));
        send(RagEvents.enrollmentActivated("enr-b", "trainee-b", "course-b"));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM course_access WHERE active") == 2);
        loaded = true;
    }

    void document(Map<String, String> body) {
        web.post().uri("/api/v1/admin/chatbot/documents").headers(h -> h.setBearerAuth(admin)).bodyValue(body).exchange()
                .expectStatus().isCreated();
    }

    void send(String event) {
        infra.sqs().client().sendMessage(b -> b.queueUrl(infra.sqs().queueUrl("rag-events")).messageBody(event)).join();
    }

    long count(String sql) throws Exception {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    AnswerStream ask(String token, String channel, Map<String, Object> body) {
        List<ServerSentEvent<String>> events = web.post().uri("/api/v1/chatbot/{channel}/questions", channel)
                .headers(h -> h.setBearerAuth(token)).accept(MediaType.TEXT_EVENT_STREAM).bodyValue(body).exchange()
                .expectStatus().isOk().returnResult(EVENTS).getResponseBody().collectList().block(Duration.ofSeconds(30));
        return new AnswerStream(events);
    }

    @Test
    void aTraineeGetsAStreamedExtractiveAnswerWithCitationsFromTheirCourse() {
        AnswerStream answer = ask(traineeA, "study", Map.of("question", "자바에서 long은 몇 비트 정수형인가요?", "courseId", "course-a"));

        assertThat(answer.names().getFirst()).isEqualTo("token");
        assertThat(answer.names().subList(answer.names().size() - 2, answer.names().size())).containsExactly("citations", "done");
        assertThat(answer.text()).startsWith(ExtractiveGenerator.LABEL).contains("long은 64비트 정수형");
        assertThat(answer.done()).containsEntry("mode", "EXTRACTIVE").containsKey("conversationId");
        assertThat(answer.citations()).isNotEmpty().allSatisfy(c -> assertThat(c).containsEntry("courseId", "course-a"));
        assertThat(answer.citations().getFirst()).containsEntry("title", "자바 기초 1차시").containsEntry("lessonId", "lesson-a1")
                .containsEntry("section", "변수와 자료형");
    }

    @Test
    void aTraineeNeverSeesAnotherCoursesMaterialNotEvenInCitations() throws Exception {
        web.post().uri("/api/v1/chatbot/study/questions").headers(h -> h.setBearerAuth(traineeA)).bodyValue(
                Map.of("question", "콜드월렛이 뭔가요?", "courseId", "course-b")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("COURSE_NOT_ACCESSIBLE");

        AnswerStream answer = ask(traineeA, "study", Map.of("question", "콜드월렛과 니모닉 문구는 무엇인가요?", "courseId", "course-a"));
        assertThat(answer.text()).doesNotContain("콜드월렛은", "니모닉 문구는");
        assertThat(answer.citations()).noneSatisfy(c -> assertThat(c.get("courseId")).isEqualTo("course-b"));
        assertThat(answer.done()).containsEntry("mode", "NO_ANSWER");
        assertThat(answer.text()).contains("모르겠습니다");

        AnswerStream owner = ask(traineeB, "study", Map.of("question", "콜드월렛과 니모닉 문구는 무엇인가요?", "courseId", "course-b"));
        assertThat(owner.text()).contains("콜드월렛은");
    }

    @Test
    void theCustomerCentreAnswersFromTheFaqForAnyone() {
        AnswerStream answer = ask(traineeB, "support", Map.of("question", "수강취소 환불 방법 알려주세요"));
        assertThat(answer.text()).contains("취소를 신청할 수 있습니다");
        assertThat(answer.citations().getFirst()).containsEntry("title", "수강 신청 FAQ").containsEntry("section", "수강 취소와 환불은 어떻게 하나요?");
    }

    @Test
    void aQuestionAboutAnOpenEvaluationItemIsRefusedAndTheRefusalKeptAsEvidence() throws Exception {
        send(RagEvents.itemsFingerprinted("exam-7", "course-a", "OPEN",
                Map.of("item-1", "int와 long 자료형의 비트 수 차이를 서술하고 각각의 최댓값을 계산하시오.")));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM evaluation_item WHERE evaluation_id = 'exam-7'") == 1);

        AnswerStream answer = ask(traineeA, "study", Map.of("courseId", "course-a",
                "question", "int와 long 자료형의 비트 수 차이를 서술하고 각각의 최댓값을 계산하시오. 답 알려줘"));

        assertThat(answer.names()).containsExactly("refusal", "done");
        assertThat(answer.refusal()).containsEntry("code", "OPEN_EVALUATION_QUESTION");
        assertThat(answer.text()).isEmpty();
        assertThat(count("SELECT count(*) FROM refusal WHERE account_id = 'trainee-a' AND evaluation_id = 'exam-7' AND item_id = 'item-1'"))
                .isEqualTo(1);
    }

    @Test
    void badQuestionsAreRefusedWithAnErrorBeforeAnythingStreams() {
        web.post().uri("/api/v1/chatbot/support/questions").headers(h -> h.setBearerAuth(traineeA)).bodyValue(Map.of("question", "  "))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("QUESTION_EMPTY");
        web.post().uri("/api/v1/chatbot/support/questions").headers(h -> h.setBearerAuth(traineeA)).bodyValue(Map.of("question", "가".repeat(1001)))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("QUESTION_TOO_LONG");
        web.post().uri("/api/v1/chatbot/support/questions").headers(h -> h.setBearerAuth(traineeA)).bodyValue(Map.of("question", "a\u0007b"))
                // refused by common-lib's strict JSON binding before the question rules run (issue 12)
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.error.fieldErrors[0].code").isEqualTo("NoControlCharacters");
        web.post().uri("/api/v1/chatbot/sales/questions").headers(h -> h.setBearerAuth(traineeA)).bodyValue(Map.of("question", "hi"))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("UNKNOWN_CHANNEL");
        web.post().uri("/api/v1/chatbot/study/questions").headers(h -> h.setBearerAuth(traineeA)).bodyValue(Map.of("question", "변수?"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("COURSE_REQUIRED");
        web.post().uri("/api/v1/chatbot/support/questions").headers(h -> h.setBearerAuth(traineeA)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\": 42").exchange().expectStatus().isBadRequest();
        web.post().uri("/api/v1/chatbot/support/questions").headers(h -> h.setBearerAuth(traineeA)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"question\": [1]}").exchange().expectStatus().isBadRequest();
        web.post().uri("/api/v1/chatbot/support/questions").bodyValue(Map.of("question", "hi")).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void unansweredQuestionsAreListedForAdministratorsRedacted() {
        ask(traineeA, "support", Map.of("question", "홍길동 님 연락처 010-1234-5678 로 주차장 위치 알려주세요"));
        web.get().uri("/api/v1/admin/chatbot/support/unanswered").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data[0].question").value(q -> assertThat((String) q).contains("[이름]", "[전화번호]").doesNotContain("010-1234-5678", "홍길동"));
        web.get().uri("/api/v1/admin/chatbot/support/unanswered").headers(h -> h.setBearerAuth(traineeA)).exchange().expectStatus().isForbidden();
    }
}

package io.baeum.learning.enrollment;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import software.amazon.awssdk.services.sqs.model.Message;

import io.baeum.common.events.DomainEvent;
import io.baeum.common.events.DomainEventCodec;
import io.baeum.learning.config.DeadLetters;
import io.baeum.learning.testing.AccessTokens;
import io.baeum.testing.BaeumInfrastructure;

/** Catalog administration, cohorts, policies and the enrollment state machine over HTTP; billing's EnrollmentPaid over SQS. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CatalogAndEnrollmentIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("progress-events", "learning-events",
            "exam-events", "billing-events", "rag-events");

    static final AccessTokens tokens = new AccessTokens();

    /** auth-service's member lookup: the one known account exists, every other id is a 404. */
    static final WireMockServer auth = new WireMockServer(wireMockConfig().dynamicPort());
    static final String KNOWN_ACCOUNT = "0b9c6a52-3f1e-4c55-9d1a-6a0c2f4e7b11";

    static {
        auth.start();
        auth.stubFor(WireMock.get(WireMock.urlPathMatching("/api/v1/admin/members/.*"))
                .willReturn(WireMock.aResponse().withStatus(404)));
        auth.stubFor(WireMock.get("/api/v1/admin/members/" + KNOWN_ACCOUNT)
                .withHeader("Authorization", WireMock.matching("Bearer .+"))
                .willReturn(WireMock.okJson("{\"success\":true,\"data\":{\"id\":\"" + KNOWN_ACCOUNT + "\"}}")));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", tokens::jwksUri);
        registry.add("baeum.learning.accounts.base-url", auth::baseUrl);
    }

    @AfterAll
    static void closeTokens() {
        tokens.close();
        auth.stop();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    DomainEventCodec codec;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
    final String admin = tokens.admin("admin-1");

    Map<?, ?> data(WebTestClient.ResponseSpec response) {
        return (Map<?, ?>) response.expectBody(Map.class).returnResult().getResponseBody().get("data");
    }

    WebTestClient.ResponseSpec post(String token, String uri, Object body, Object... vars) {
        return web.post().uri(uri, vars).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange();
    }

    String newCourse(String title) {
        return (String) data(post(admin, "/api/v1/admin/courses", Map.of("title", title, "category", "it",
                "trainingType", "SAEOPJU", "level", "BEGINNER", "price", 50_000)).expectStatus().isCreated()).get("id");
    }

    String publishedCourse(String title) {
        String course = newCourse(title);
        String subject = (String) data(post(admin, "/api/v1/admin/courses/{id}/subjects", Map.of("title", "S1", "position", 0), course)).get("id");
        post(admin, "/api/v1/admin/subjects/{id}/lessons", Map.of("title", "L1", "vimeoVideoId", "76979870"), subject).expectStatus().isCreated();
        post(admin, "/api/v1/admin/courses/{id}/publish", Map.of(), course).expectStatus().isOk();
        return course;
    }

    String cohort(String course, String name, LocalDate from, LocalDate to, LocalDate enrollFrom, LocalDate enrollTo, int capacity) {
        return (String) data(post(admin, "/api/v1/admin/courses/{id}/cohorts", Map.of("name", name, "studyFrom", from.toString(),
                "studyTo", to.toString(), "enrollmentFrom", enrollFrom.toString(), "enrollmentTo", enrollTo.toString(),
                "capacity", capacity, "instructorIds", List.of("inst-9")), course).expectStatus().isCreated()).get("id");
    }

    @Test
    void aCourseIsPublishedOnlyWithLessonsThatAllHaveAnEmbeddableVideo() throws Exception {
        post(admin, "/api/v1/admin/courses", Map.of("title", "", "category", "it", "trainingType", "SAEOPJU", "level", "BEGINNER",
                "price", -1)).expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED");
        String course = newCourse("Java 입문");
        post(admin, "/api/v1/admin/courses/{id}/publish", Map.of(), course).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("COURSE_WITHOUT_LESSONS");
        String subject = (String) data(post(admin, "/api/v1/admin/courses/{id}/subjects", Map.of("title", "1과목", "position", 0), course)).get("id");
        String lesson = (String) data(post(admin, "/api/v1/admin/subjects/{id}/lessons", Map.of("title", "1차시"), subject)
                .expectStatus().isCreated()).get("id");
        post(admin, "/api/v1/admin/courses/{id}/publish", Map.of(), course).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("LESSON_WITHOUT_VIDEO");
        post(admin, "/api/v1/admin/subjects/{id}/lessons", Map.of("title", "private", "vimeoVideoId", "403123"), subject)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("VIDEO_NOT_EMBEDDABLE");
        web.put().uri("/api/v1/admin/lessons/{id}", lesson).headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("title", "1차시", "vimeoVideoId", "76979870", "recognisedSeconds", 540)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.durationSeconds").isEqualTo(600)
                .jsonPath("$.data.recognisedSeconds").isEqualTo(540);
        post(admin, "/api/v1/admin/courses/{id}/publish", Map.of(), course).expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("PUBLISHED");
        assertThat(count("SELECT count(*) FROM lesson WHERE course_id = '" + course + "'")).as("the private video was not added").isEqualTo(1);

        web.get().uri("/api/v1/catalog/courses?q=java&trainingType=SAEOPJU&maxPrice=60000&sort=price,desc").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data[0].id").isEqualTo(course)
                .jsonPath("$.metadata.total").isEqualTo(1).jsonPath("$.metadata.sort").isEqualTo("price,desc");
        web.get().uri("/api/v1/catalog/courses/{id}", course).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.subjects[0].lessons[0].vimeoVideoId").doesNotExist();
        web.get().uri("/api/v1/catalog/courses?sort=secret").exchange().expectStatus().isBadRequest();
        web.get().uri("/api/v1/admin/courses").headers(h -> h.setBearerAuth(tokens.trainee("t"))).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/admin/courses").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void overlappingCohortsAndDisorderedDatesAreRefusedAndNothingIsWritten() throws Exception {
        String course = publishedCourse("Cohorts");
        cohort(course, "1기", today, today.plusDays(30), today.minusDays(10), today.plusDays(5), 10);
        post(admin, "/api/v1/admin/courses/{id}/cohorts", Map.of("name", "2기", "studyFrom", today.plusDays(20).toString(),
                "studyTo", today.plusDays(60).toString(), "enrollmentFrom", today.toString(), "enrollmentTo", today.plusDays(10).toString(),
                "capacity", 10), course).expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("COHORT_DATES_OVERLAP");
        post(admin, "/api/v1/admin/courses/{id}/cohorts", Map.of("name", "3기", "studyFrom", today.plusDays(90).toString(),
                "studyTo", today.plusDays(80).toString(), "enrollmentFrom", today.toString(), "enrollmentTo", today.plusDays(10).toString(),
                "capacity", 10), course).expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("INVALID_COHORT_DATES");
        assertThat(count("SELECT count(*) FROM cohort WHERE course_id = '" + course + "'")).isEqualTo(1);
        web.get().uri("/api/v1/instructor/cohorts").headers(h -> h.setBearerAuth(tokens.instructor("inst-9"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.metadata.total").value(n -> assertThat((Integer) n).isGreaterThanOrEqualTo(1));
        web.get().uri("/api/v1/instructor/cohorts").headers(h -> h.setBearerAuth(tokens.instructor("nobody"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.metadata.total").isEqualTo(0);
        // docs/gateway.md: instructor paths allow ADMIN (issue 12)
        web.get().uri("/api/v1/instructor/cohorts").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void anAdminCanOnlyEnrolAWellFormedAccountIdThatAuthKnows() throws Exception {
        String course = publishedCourse("Accounts");
        String cohort = cohort(course, "1기", today, today.plusDays(30), today.minusDays(10), today.plusDays(5), 5);
        for (String id : List.of("홍길동", "🎓", "t-101", "0b9c6a52-3f1e-4c55-9d1a-6a0c2f4e7b1")) {
            post(admin, "/api/v1/admin/cohorts/{id}/enrollments", Map.of("accountId", id), cohort).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.error.fieldErrors[0].field").isEqualTo("accountId");
        }
        post(admin, "/api/v1/admin/cohorts/{id}/enrollments", Map.of("accountId", UUID.randomUUID().toString()), cohort)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("ACCOUNT_NOT_FOUND");
        assertThat(count("SELECT count(*) FROM enrollment WHERE cohort_id = '" + cohort + "'")).isZero();
        post(admin, "/api/v1/admin/cohorts/{id}/enrollments", Map.of("accountId", KNOWN_ACCOUNT), cohort).expectStatus().isCreated();
    }

    @Test
    void numbersAreNotTextAndNulIsAFieldErrorInCourseBodies() {
        post(admin, "/api/v1/admin/courses", Map.of("title", 12345, "category", "it", "trainingType", "SAEOPJU",
                "level", "BEGINNER", "price", 50_000)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_FIELD_TYPE");
        post(admin, "/api/v1/admin/courses", Map.of("title", "t", "category", "it", "trainingType", "SAEOPJU",
                "level", "BEGINNER", "price", 1.5)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.fieldErrors[0].field").isEqualTo("price");
        post(admin, "/api/v1/admin/courses", Map.of("title", "a\u0000b", "category", "it", "trainingType", "SAEOPJU",
                "level", "BEGINNER", "price", 50_000)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.fieldErrors[0].code").isEqualTo("NoControlCharacters");
        web.get().uri("/api/v1/catalog/courses?q={q}", "안\u0000").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.fieldErrors[0].field").isEqualTo("q");
    }

    @Test
    void theEnrollmentStateMachineRunsOverHttpWithCapacityAndWindowEnforced() throws Exception {
        String course = publishedCourse("Enrollments");
        String cohort = cohort(course, "1기", today, today.plusDays(30), today.minusDays(10), today.plusDays(5), 1);
        String trainee = tokens.trainee("t-100");
        String enrollment = (String) data(post(trainee, "/api/v1/cohorts/{id}/enrollments", Map.of(), cohort).expectStatus().isCreated()).get("id");
        post(trainee, "/api/v1/cohorts/{id}/enrollments", Map.of(), cohort).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("ALREADY_ENROLLED");
        post(admin, "/api/v1/admin/enrollments/{id}/approve", Map.of(), enrollment).expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("ACTIVE");
        post(admin, "/api/v1/admin/enrollments/{id}/reject", Map.of("reason", "late"), enrollment).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("ILLEGAL_ENROLLMENT_TRANSITION");
        assertThat(count("SELECT version FROM enrollment WHERE id = '" + enrollment + "'")).isEqualTo(1);
        post(admin, "/api/v1/admin/cohorts/{id}/enrollments", Map.of("accountId", KNOWN_ACCOUNT), cohort).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("COHORT_FULL");
        post(tokens.trainee("t-102"), "/api/v1/cohorts/{id}/enrollments", Map.of(), cohort).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("COHORT_FULL");
        post(tokens.trainee("t-999"), "/api/v1/enrollments/{id}/cancel", Map.of(), enrollment).expectStatus().isNotFound();
        post(trainee, "/api/v1/enrollments/{id}/cancel", Map.of(), enrollment).expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("CANCELLED");
        post(admin, "/api/v1/admin/cohorts/{id}/enrollments", Map.of("accountId", KNOWN_ACCOUNT), cohort).expectStatus().isCreated()
                .expectBody().jsonPath("$.data.status").isEqualTo("ACTIVE");

        String closed = cohort(course, "2기", today.plusDays(40), today.plusDays(70), today.minusDays(20), today.minusDays(1), 10);
        post(trainee, "/api/v1/cohorts/{id}/enrollments", Map.of(), closed).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("ENROLLMENT_WINDOW_CLOSED");
        web.get().uri("/api/v1/admin/cohorts/{id}/enrollments?status=ACTIVE", cohort).headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.metadata.total").isEqualTo(1);
    }

    @Test
    void enrollmentPaidFromBillingActivatesOnceAndMalformedEventsGoToTheDeadLetterQueue() throws Exception {
        String course = publishedCourse("Paid");
        String cohort = cohort(course, "1기", today, today.plusDays(30), today.minusDays(10), today.plusDays(5), 5);
        String eventId = UUID.randomUUID().toString();
        String event = """
                {"specversion":"1.0","id":"%s","type":"io.baeum.billing.EnrollmentPaid.v1","source":"/billing-service",
                 "subject":"order-1","time":"2026-11-01T00:00:00Z","datacontenttype":"application/json",
                 "data":{"orderId":"order-1","accountId":"payer-1","cohortId":"%s"}}""".formatted(eventId, cohort);
        send(event);
        send(event);
        send("{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"io.baeum.billing.EnrollmentPaid.v1\",\"source\":\"/billing-service\","
                + "\"time\":\"2026-11-01T00:00:00Z\",\"data\":{\"orderId\":\"o\"}}");
        await().atMost(Duration.ofSeconds(20)).until(() -> infra.sqs().visibleMessages("learning-events") == 0
                && count("SELECT count(*) FROM inbox_event WHERE event_id = '" + eventId + "'") == 1);
        List<Message> dead = infra.sqs().client().receiveMessage(b -> b.queueUrl(infra.sqs().queueUrl("learning-events-dlq"))
                .messageAttributeNames("All").waitTimeSeconds(5)).join().messages();
        assertThat(dead).hasSize(1);
        assertThat(dead.getFirst().messageAttributes().get(DeadLetters.REASON).stringValue()).isEqualTo("MALFORMED_EVENT");
        assertThat(count("SELECT count(*) FROM enrollment WHERE account_id = 'payer-1' AND status = 'ACTIVE' AND source = 'PAYMENT' "
                + "AND paid_order_id = 'order-1'")).isEqualTo(1);
    }

    @Test
    void aRefundFromBillingEndsThePaidEnrollmentOnce() throws Exception {
        String course = publishedCourse("Refunded");
        String cohort = cohort(course, "1기", today, today.plusDays(30), today.minusDays(10), today.plusDays(5), 5);
        send("""
                {"specversion":"1.0","id":"%s","type":"io.baeum.billing.EnrollmentPaid.v1","source":"/billing-service",
                 "subject":"order-9","time":"2026-11-01T00:00:00Z","datacontenttype":"application/json",
                 "data":{"orderId":"order-9","accountId":"payer-9","cohortId":"%s"}}""".formatted(UUID.randomUUID(), cohort));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM enrollment WHERE account_id = 'payer-9' "
                + "AND status = 'ACTIVE' AND paid_order_id = 'order-9'") == 1);

        String refund = """
                {"specversion":"1.0","id":"%s","type":"io.baeum.billing.EnrollmentRefunded.v1","source":"/billing-service",
                 "subject":"order-9","time":"2026-11-02T00:00:00Z","datacontenttype":"application/json",
                 "data":{"orderId":"order-9","accountId":"payer-9","cohortId":"%s","refundId":"r-1","amount":50000,
                         "fullyRefunded":false,"refundedAt":"2026-11-02T00:00:00Z"}}""";
        send(refund.formatted(UUID.randomUUID(), cohort));
        send(refund.formatted(UUID.randomUUID(), cohort));   // a second refund of the same order: already ended

        await().atMost(Duration.ofSeconds(20)).until(() -> infra.sqs().visibleMessages("learning-events") == 0
                && count("SELECT count(*) FROM inbox_event WHERE consumer = 'learning.enrollment-refunded'") == 2);
        assertThat(count("SELECT count(*) FROM enrollment WHERE account_id = 'payer-9' AND status = 'CANCELLED' "
                + "AND decision_reason = 'REFUNDED r-1'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM enrollment WHERE account_id = 'payer-9'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = 'io.baeum.learning.EnrollmentCancelled.v1' "
                + "AND payload->>'subject' IN (SELECT id::text FROM enrollment WHERE account_id = 'payer-9')")).isEqualTo(3);
    }

    @Test
    void enrollmentAndCohortEventsReachTheConsumersQueuesThroughTheOutbox() throws Exception {
        String course = publishedCourse("Events");
        String cohort = cohort(course, "1기", today, today.plusDays(30), today.minusDays(10), today.plusDays(5), 5);
        String trainee = tokens.trainee("t-500");
        String enrollment = (String) data(post(trainee, "/api/v1/cohorts/{id}/enrollments", Map.of(), cohort).expectStatus().isCreated()).get("id");
        post(admin, "/api/v1/admin/enrollments/{id}/approve", Map.of(), enrollment).expectStatus().isOk();
        post(trainee, "/api/v1/enrollments/{id}/cancel", Map.of("reason", "moved"), enrollment).expectStatus().isOk();
        post(admin, "/api/v1/admin/enrollments/{id}/approve", Map.of(), enrollment).expectStatus().isEqualTo(409);

        Map<String, List<DomainEvent>> received = new java.util.concurrent.ConcurrentHashMap<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String queue : List.of("exam-events", "billing-events", "rag-events")) {
                infra.sqs().drain(queue, 50).stream().map(m -> codec.read(m.body()))
                        .filter(e -> cohort.equals(e.subject()) || enrollment.equals(e.subject()))
                        .forEach(e -> received.computeIfAbsent(queue, q -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(e));
            }
            assertThat(types(received, "exam-events")).containsExactlyInAnyOrder("io.baeum.learning.CohortScheduled.v1",
                    "io.baeum.learning.EnrollmentActivated.v1", "io.baeum.learning.EnrollmentCancelled.v1");
            assertThat(types(received, "billing-events")).containsExactlyInAnyOrder("io.baeum.learning.CohortScheduled.v1",
                    "io.baeum.learning.EnrollmentApplied.v1", "io.baeum.learning.EnrollmentActivated.v1",
                    "io.baeum.learning.EnrollmentCancelled.v1");
            assertThat(types(received, "rag-events")).containsExactlyInAnyOrder("io.baeum.learning.EnrollmentActivated.v1",
                    "io.baeum.learning.EnrollmentCancelled.v1");
        });
        DomainEvent activated = received.get("exam-events").stream()
                .filter(e -> e.type().equals("io.baeum.learning.EnrollmentActivated.v1")).findFirst().orElseThrow();
        assertThat(activated.source()).hasToString("/learning-service");
        assertThat(activated.data().get("accountId").asString()).isEqualTo("t-500");
        assertThat(activated.data().get("cohortId").asString()).isEqualTo(cohort);
        assertThat(activated.data().get("activation").asString()).isEqualTo("APPROVED");
        assertThat(activated.data().get("studyFrom").asString()).isEqualTo(today.toString());
        assertThat(activated.data().get("studyTo").asString()).isEqualTo(today.plusDays(30).toString());
        DomainEvent scheduled = received.get("billing-events").stream()
                .filter(e -> e.type().equals("io.baeum.learning.CohortScheduled.v1")).findFirst().orElseThrow();
        assertThat(scheduled.data().get("price").asLong()).isEqualTo(50_000L);
        assertThat(scheduled.data().get("capacity").asInt()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") == 0);
    }

    private static List<String> types(Map<String, List<DomainEvent>> received, String queue) {
        return received.getOrDefault(queue, List.of()).stream().map(DomainEvent::type).toList();
    }

    @Test
    void policiesResolveByDateAndNewVersionsStartInTheFuture() {
        web.get().uri("/api/v1/admin/policies/in-force?trainingType=NAEIL_CARD&date=2025-06-01").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data.versionId").isEqualTo("NAEIL_CARD@2025-01-01#1")
                .jsonPath("$.data.creditMode").isEqualTo("COVERAGE");
        web.get().uri("/api/v1/admin/policies/in-force?trainingType=NAEIL_CARD&date=2026-03-01").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data.creditMode").isEqualTo("TIME");
        Map<String, Object> policy = new java.util.HashMap<>(Map.of("trainingType", "NAEIL_CARD", "effectiveFrom", today.toString(),
                "creditMode", "TIME", "maxPlaybackRate", 1.0, "seekRule", "WATCHED_ONLY", "dailyLessonCap", 6,
                "lessonCompletionPercent", 90, "courseCompletionPercent", 80, "passingScore", 60, "heartbeatSeconds", 15));
        post(admin, "/api/v1/admin/policies", policy).expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("POLICY_NOT_IN_FUTURE");
        policy.put("effectiveFrom", today.plusDays(30).toString());
        policy.put("idCheckMinSeconds", 600);
        post(admin, "/api/v1/admin/policies", policy).expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("INVALID_POLICY");
        policy.put("idCheckMaxSeconds", 1200);
        post(admin, "/api/v1/admin/policies", policy).expectStatus().isCreated().expectBody().jsonPath("$.data.version").isEqualTo(3);
        web.get().uri("/api/v1/admin/policies/in-force?trainingType=NAEIL_CARD&date={d}", today.plusDays(31)).headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data.dailyLessonCap").isEqualTo(6);
    }

    private void send(String body) {
        infra.sqs().client().sendMessage(b -> b.queueUrl(infra.sqs().queueUrl("learning-events")).messageBody(body)).join();
    }

    private int count(String sql) throws Exception {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

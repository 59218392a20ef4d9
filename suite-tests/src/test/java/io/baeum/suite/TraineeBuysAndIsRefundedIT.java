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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.baeum.suite.clients.AuthClient;
import io.baeum.suite.clients.LearningClient;
import io.baeum.suite.fixtures.Courses;
import io.baeum.suite.fixtures.People;
import io.baeum.suite.fixtures.People.Person;
import io.baeum.suite.support.Api;
import io.baeum.suite.support.Suite;

/**
 * A trainee buys a course through the gateway with billing's PortOne sandbox, is enrolled by learning
 * (EnrollmentPaid over SQS), studies one of the two lessons, asks for a refund and gets what 별표3 비고4
 * gives: the payment less the part studied. Until learning emits its catalogue and LessonOpened events
 * on billing-events (being built in parallel), this test publishes them itself, in the documented schema
 * (billing-service/README.md).
 */
class TraineeBuysAndIsRefundedIT {

    private static final Api browser = Suite.browser();
    private static final AuthClient auth = new AuthClient(browser);
    private static final LearningClient learning = new LearningClient(browser);
    private static final long PRICE = 40_000;

    @Test
    void aTraineeBuysStudiesOneOfTwoLessonsAndIsRefundedHalf() throws Exception {
        Person admin = People.admin(auth);
        Person instructor = People.instructor(auth);
        String courseId = learning.createCourse(admin.token(), "suite " + People.RUN + " 결제 과정 " + System.nanoTime());
        String subjectId = learning.addSubject(admin.token(), courseId, "1과목");
        String lesson1 = learning.addLesson(admin.token(), subjectId, "1차시", Courses.VIDEO_ID, Courses.RECOGNISED_SECONDS).path("id").asString();
        browser.as(admin.token()).post("/api/v1/admin/subjects/{id}/lessons", Map.of("title", "2차시", "position", 1,
                "vimeoVideoId", Courses.VIDEO_ID, "recognisedSeconds", Courses.RECOGNISED_SECONDS), subjectId).data(201);
        learning.publish(admin.token(), courseId);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        String cohortId = learning.createCohort(admin.token(), courseId, "suite " + People.RUN, today.minusDays(1), today.plusDays(30),
                List.of(instructor.id()));
        publishToBilling("""
                {"specversion":"1.0","id":"%s","type":"io.baeum.learning.CohortOffered.v1","source":"/learning-service",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"cohortId":"%s","courseId":"%s","courseTitle":"결제 과정","trainingType":"SAEOPJU",
                         "delivery":"NON_REALTIME_REMOTE","price":%d,"currency":"KRW","sellable":true,
                         "studyFrom":"%s","studyTo":"%s","lessonCount":2}}"""
                .formatted(UUID.randomUUID(), Instant.now(), cohortId, courseId, PRICE, today.minusDays(1), today.plusDays(30)));

        Person trainee = People.newVerifiedTrainee(auth, "buyer");
        Api asTrainee = browser.as(trainee.token());
        await("the cohort in billing's catalogue").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> asTrainee.post("/api/v1/billing/cart/lines", Map.of("cohortId", cohortId)).status() == 200);
        assertThat(asTrainee.get("/api/v1/billing/cart").data().path("total").asLong()).isEqualTo(PRICE);
        JsonNode order = asTrainee.post("/api/v1/billing/orders", null).data(201);
        String orderId = order.path("id").asString();
        String paymentId = order.path("paymentId").asString();
        assertThat(order.path("amount").asLong()).isEqualTo(PRICE);

        // the browser pays with the sandbox (PortOne's SDK locally); the sandbox also sends a signed webhook
        asTrainee.post("/api/v1/billing/sandbox/payments/{id}", Map.of("totalAmount", PRICE, "currency", "KRW"), paymentId).data(200);
        JsonNode completed = asTrainee.post("/api/v1/billing/orders/{id}/complete", Map.of("paymentId", paymentId), orderId).data(200);
        assertThat(completed.path("status").asString()).isEqualTo("PAID");

        String[] enrollment = new String[1];
        await("the paid enrollment in the trainee's classroom").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    JsonNode mine = learning.myCourses(trainee.token()).data();
                    JsonNode found = null;
                    for (JsonNode course : mine) {
                        if (cohortId.equals(course.path("cohortId").asString())) {
                            found = course;
                        }
                    }
                    assertThat(found).as("courses %s", mine).isNotNull();
                    assertThat(found.path("status").asString()).isEqualTo("ACTIVE");
                    enrollment[0] = found.path("enrollmentId").asString();
                });

        learning.openLesson(trainee.token(), enrollment[0], lesson1).data(201);
        publishToBilling("""
                {"specversion":"1.0","id":"%s","type":"io.baeum.learning.LessonOpened.v1","source":"/learning-service",
                 "time":"%s","datacontenttype":"application/json",
                 "data":{"accountId":"%s","cohortId":"%s","lessonId":"%s"}}"""
                .formatted(UUID.randomUUID(), Instant.now(), trainee.id(), cohortId, lesson1));

        await("the studied part in the quote").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> asTrainee.get("/api/v1/billing/orders/{o}/lines/{c}/refund-quote", orderId, cohortId).data()
                        .path("amount").asLong() == PRICE / 2);
        JsonNode refund = asTrainee.post("/api/v1/billing/refunds", Map.of("orderId", orderId, "cohortId", cohortId,
                "reason", "개인 사정")).data(201);
        assertThat(refund.path("amount").asLong()).as("비고4: paid less one of two lessons").isEqualTo(PRICE / 2);
        JsonNode approved = browser.as(admin.token()).post("/api/v1/admin/billing/refunds/{id}/approve", null,
                refund.path("id").asString()).data(200);
        assertThat(approved.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(approved.path("amount").asLong()).isEqualTo(PRICE / 2);
        asTrainee.post("/api/v1/billing/refunds", Map.of("orderId", orderId, "cohortId", cohortId, "reason", "again"))
                .assertError(422, "NOTHING_TO_REFUND");
    }

    /** ElasticMQ's SQS query API, as learning-service's producer would send. */
    private static void publishToBilling(String event) throws Exception {
        String form = "Action=SendMessage&MessageBody=" + URLEncoder.encode(event, StandardCharsets.UTF_8);
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:9324/queue/billing-events"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as("ElasticMQ: %s", sent.body()).isEqualTo(200);
    }
}

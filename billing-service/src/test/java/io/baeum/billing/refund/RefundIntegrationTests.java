package io.baeum.billing.refund;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.baeum.billing.testing.BillingMother;
import io.baeum.billing.testing.BillingTestSupport;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestAccessTokens;

/**
 * Refunds over HTTP with PortOne on WireMock: the amount the rules give (비고4: paid less the lessons
 * opened), the operator's approval, {@code currentCancellableAmount}, B4 under concurrency, and the
 * list of refunds past the 5-day deadline.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "baeum.billing.sweep.interval=1s") // the overdue gauge's cadence (the payment sweep stays disabled)
@AutoConfigureWebTestClient
class RefundIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("billing-events", "learning-events");

    static final TestAccessTokens tokens = BillingTestSupport.tokens();
    static final WireMockServer portOne = new WireMockServer(options().dynamicPort().containerThreads(40));

    static {
        portOne.start();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", () -> tokens.jwksUri().toString());
        registry.add("baeum.billing.portone.base-url", () -> "http://127.0.0.1:" + portOne.port());
    }

    @AfterAll
    static void close() {
        tokens.close();
        portOne.stop();
    }

    @Autowired
    WebTestClient web;

    @org.junit.jupiter.api.BeforeEach
    void serviceIsReady() {
        support.awaitReady(web);
    }

    final BillingTestSupport support = new BillingTestSupport(infra, tokens);
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
    final String admin = support.admin("admin-1");

    /** A paid order of one cohort of {@code price}: its id and paymentId. */
    Map<String, Object> paidOrder(String token, UUID cohort, long price) {
        Map<String, Object> order = support.orderOf(web, token, cohort);
        String paymentId = (String) order.get("paymentId");
        portOne.stubFor(get("/payments/" + paymentId).willReturn(okJson(BillingMother.payment(paymentId, "PAID", price, 0, "KRW"))));
        // as the browser would: until PortOne's answer arrives (a loaded machine may time a call out: 503, order pending)
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> BillingTestSupport.queued(web).post()
                .uri("/api/v1/billing/orders/{id}/complete", order.get("id")).headers(h -> h.setBearerAuth(token)).bodyValue(Map.of())
                .exchange().returnResult(String.class).getStatus().value() == 200);
        return order;
    }

    @Test
    void aTraineeIsRefundedThePaymentLessTheLessonsOpenedOnceAnOperatorApproves() {
        String account = "refund-1";
        String token = support.trainee(account);
        UUID cohort = support.offeredCohort("Spring 심화", 100_000, today.minusDays(2), today.plusDays(27), 10);
        Map<String, Object> order = paidOrder(token, cohort, 100_000);
        String orderId = (String) order.get("id");
        String paymentId = (String) order.get("paymentId");
        UUID lesson = UUID.randomUUID();
        support.sendBillingEvent(BillingMother.lessonOpened(account, cohort, lesson));
        support.sendBillingEvent(BillingMother.lessonOpened(account, cohort, lesson));
        await().atMost(Duration.ofSeconds(20)).until(() -> support.count("SELECT count(*) FROM lesson_opened WHERE account_id = '" + account + "'") == 1
                && infra.sqs().visibleMessages("billing-events") == 0);

        web.get().uri("/api/v1/billing/orders/{o}/lines/{c}/refund-quote", orderId, cohort).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.amount").isEqualTo(90_000).jsonPath("$.data.method").isEqualTo("STUDIED_PART");
        String refundId = (String) ((Map<?, ?>) web.post().uri("/api/v1/billing/refunds").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("orderId", orderId, "cohortId", cohort, "reason", "개인 사정")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("data")).get("id");
        web.post().uri("/api/v1/billing/refunds").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("orderId", orderId, "cohortId", cohort, "reason", "again")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("REFUND_ALREADY_REQUESTED");
        web.post().uri("/api/v1/billing/refunds").headers(h -> h.setBearerAuth(support.trainee("someone-else")))
                .bodyValue(Map.of("orderId", orderId, "cohortId", cohort, "reason", "mine now")).exchange()
                .expectStatus().isNotFound();
        web.post().uri("/api/v1/billing/refunds").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("orderId", orderId, "cohortId", cohort, "reason", "bell\u0007")).exchange()
                .expectStatus().isBadRequest();
        web.post().uri("/api/v1/admin/billing/refunds/{id}/approve", refundId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden();

        portOne.stubFor(post("/payments/" + paymentId + "/cancel")
                .withRequestBody(equalToJson("{\"amount\":90000,\"reason\":\"개인 사정\",\"currentCancellableAmount\":100000}", true, true))
                .willReturn(okJson(BillingMother.cancellation(90_000))));
        web.post().uri("/api/v1/admin/billing/refunds/{id}/approve", refundId).headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo("COMPLETED").jsonPath("$.data.amount").isEqualTo(90_000);
        web.post().uri("/api/v1/admin/billing/refunds/{id}/approve", refundId).headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("REFUND_NOT_OPEN");
        portOne.verify(1, postRequestedFor(urlEqualTo("/payments/" + paymentId + "/cancel")));
        assertThat(support.count("SELECT count(*) FROM outbox_event WHERE type = 'io.baeum.billing.EnrollmentRefunded.v1' "
                + "AND payload->'data'->>'orderId' = '" + orderId + "' AND (payload->'data'->>'amount')::bigint = 90000")).isEqualTo(1);
        web.get().uri("/api/v1/billing/orders/{o}/lines/{c}/refund-quote", orderId, cohort).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.amount").isEqualTo(0);
    }

    @Test
    void concurrentRefundsNeverExceedWhatWasPaid() throws Exception {
        String token = support.trainee("refund-2");
        UUID cohort = support.offeredCohort("동시 환불", 100_000, today.minusDays(1), today.plusDays(28), 10);
        Map<String, Object> order = paidOrder(token, cohort, 100_000);
        String paymentId = (String) order.get("paymentId");
        portOne.stubFor(post("/payments/" + paymentId + "/cancel").willReturn(okJson(BillingMother.cancellation(30_000))));

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                statuses.add(BillingTestSupport.queued(web).post().uri("/api/v1/admin/billing/orders/{id}/refunds", order.get("id")).headers(h -> h.setBearerAuth(admin))
                        .bodyValue(Map.of("cohortId", cohort, "amount", 30_000, "reason", "부분 환불")).exchange()
                        .returnResult(String.class).getStatus().value());
                return null;
            }));
        }
        start.countDown();
        for (Future<?> call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(statuses.stream().filter(s -> s == 201)).hasSize(3);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(7);
        assertThat(support.count("SELECT sum(amount) FROM refund WHERE order_id = '" + order.get("id") + "' AND status = 'COMPLETED'"))
                .isEqualTo(90_000);
        for (long left : new long[] {100_000, 70_000, 40_000}) {
            portOne.verify(1, postRequestedFor(urlEqualTo("/payments/" + paymentId + "/cancel"))
                    .withRequestBody(matchingJsonPath("$.currentCancellableAmount", WireMock.equalTo(Long.toString(left)))));
        }
        portOne.verify(3, postRequestedFor(urlEqualTo("/payments/" + paymentId + "/cancel")));
        web.post().uri("/api/v1/admin/billing/orders/{id}/refunds", order.get("id")).headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("cohortId", cohort, "amount", 10_001, "reason", "too much")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("REFUND_EXCEEDS_PAID");
    }

    @Test
    void refundsNotCompletedWithinFiveDaysAreListedAndCounted() {
        String token = support.trainee("refund-3");
        UUID cohort = support.offeredCohort("느린 환불", 50_000, today.plusDays(5), today.plusDays(34), 10);
        Map<String, Object> order = paidOrder(token, cohort, 50_000);
        web.post().uri("/api/v1/billing/refunds").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("orderId", order.get("id"), "cohortId", cohort, "reason", "일정 변경")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.data.amount").isEqualTo(50_000);
        web.get().uri("/api/v1/admin/billing/refunds?overdue=true").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.length()").isEqualTo(0);
        support.count("UPDATE refund SET requested_at = now() - interval '6 days' WHERE order_id = '" + order.get("id") + "' RETURNING 1");
        // the gauge follows on its own (no admin has listed anything since)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.get().uri("/actuator/prometheus").exchange().expectBody(String.class)
                .value(body -> assertThat(body).contains("baeum_billing_refunds_overdue{application=\"billing-service\"} 1.0")));
        web.get().uri("/api/v1/admin/billing/refunds?overdue=true").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.length()").isEqualTo(1).jsonPath("$.data[0].orderId").isEqualTo(order.get("id"));
    }
}

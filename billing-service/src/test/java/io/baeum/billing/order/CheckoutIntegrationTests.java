package io.baeum.billing.order;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import software.amazon.awssdk.services.sqs.model.Message;

import io.baeum.billing.payment.PaymentEvents;
import io.baeum.billing.testing.BillingMother;
import io.baeum.billing.testing.BillingTestSupport;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestAccessTokens;

/**
 * Cart, order and payment verification end to end: real PostgreSQL and ElasticMQ, PortOne played by
 * WireMock with its documented answers. B1 (verify before fulfilling, tampering flagged and cancelled),
 * B2 (exactly one EnrollmentPaid however many completes and webhooks race) and faults (PortOne down:
 * pending, then the sweep).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CheckoutIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("billing-events", "learning-events");

    static final TestAccessTokens tokens = BillingTestSupport.tokens();
    static final WireMockServer portOne = new WireMockServer(options().dynamicPort().containerThreads(60));

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

    @Autowired
    PaymentEvents paymentEvents;

    final BillingTestSupport support = new BillingTestSupport(infra, tokens);
    final LocalDate today = LocalDate.now();

    WebTestClient.ResponseSpec complete(String token, Object orderId, Map<String, ?> body) {
        return web.post().uri("/api/v1/billing/orders/{id}/complete", orderId).headers(h -> h.setBearerAuth(token))
                .bodyValue(body).exchange();
    }

    List<Message> enrollmentPaidFor(String orderId) {
        List<Message> all = infra.sqs().drain("learning-events", 100);
        return all.stream().filter(m -> m.body().contains(orderId)).toList();
    }

    @Test
    void theCartIsPricedByTheServerAndRefusesWhatIsNotForSale() {
        String token = support.trainee("cart-1");
        UUID cohort = support.offeredCohort("Spring 입문", 120_000, today.plusDays(3), today.plusDays(33), 10);
        web.post().uri("/api/v1/billing/cart/lines").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("cohortId", cohort, "price", 1, "total", 1)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.total").isEqualTo(120_000)
                .jsonPath("$.data.lines[0].price").isEqualTo(120_000);
        web.post().uri("/api/v1/billing/cart/lines").headers(h -> h.setBearerAuth(token)).bodyValue(Map.of("cohortId", UUID.randomUUID()))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("COHORT_NOT_FOUND");
        web.post().uri("/api/v1/billing/cart/lines").headers(h -> h.setBearerAuth(token)).header("Content-Type", "application/json")
                .bodyValue("{\"cohortId\": 12}").exchange().expectStatus().isBadRequest();
        web.post().uri("/api/v1/billing/cart/lines").headers(h -> h.setBearerAuth(token)).header("Content-Type", "application/json")
                .bodyValue("{\"cohortId\":").exchange().expectStatus().isBadRequest();
        UUID withdrawn = UUID.randomUUID();
        support.sendBillingEvent(BillingMother.cohortEvent("io.baeum.learning.CohortOffered.v1", withdrawn, "Closed", 1000,
                today, today.plusDays(10), 3, false, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> support.count("SELECT count(*) FROM catalogue_cohort WHERE cohort_id = '" + withdrawn + "'") == 1);
        web.post().uri("/api/v1/billing/cart/lines").headers(h -> h.setBearerAuth(token)).bodyValue(Map.of("cohortId", withdrawn))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("COHORT_NOT_SELLABLE");
        web.get().uri("/api/v1/billing/cart").exchange().expectStatus().isUnauthorized();
        web.delete().uri("/api/v1/billing/cart/lines/{id}", cohort).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.total").isEqualTo(0);
        web.post().uri("/api/v1/billing/orders").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("CART_EMPTY");
    }

    @Test
    void olderCatalogueEventsDoNotOverwriteNewerOnesAndMalformedOnesGoToTheDeadLetterQueue() {
        UUID cohort = UUID.randomUUID();
        Instant now = Instant.now();
        support.sendBillingEvent(BillingMother.cohortEvent("io.baeum.learning.CohortChanged.v1", cohort, "T", 2000, today, today.plusDays(9), 2, true, now));
        await().atMost(Duration.ofSeconds(20)).until(() -> support.count("SELECT count(*) FROM catalogue_cohort WHERE cohort_id = '" + cohort + "' AND price = 2000") == 1);
        support.sendBillingEvent(BillingMother.cohortEvent("io.baeum.learning.CohortChanged.v1", cohort, "T", 1000, today, today.plusDays(9), 2, true, now.minusSeconds(60)));
        support.sendBillingEvent("{\"specversion\":\"1.0\",\"id\":\"bad-1\",\"type\":\"io.baeum.learning.CohortOffered.v1\",\"source\":\"/learning-service\","
                + "\"time\":\"2026-11-01T00:00:00Z\",\"data\":{\"cohortId\":\"" + UUID.randomUUID() + "\"}}");
        support.sendBillingEvent("{\"specversion\":\"1.0\",\"id\":\"other-1\",\"type\":\"io.baeum.learning.SomethingElse.v1\",\"source\":\"/learning-service\","
                + "\"time\":\"2026-11-01T00:00:00Z\",\"data\":{}}");
        await().atMost(Duration.ofSeconds(20)).until(() -> infra.sqs().visibleMessages("billing-events") == 0
                && infra.sqs().visibleMessages("billing-events-dlq") == 1);
        assertThat(support.count("SELECT price FROM catalogue_cohort WHERE cohort_id = '" + cohort + "'")).isEqualTo(2000);
    }

    @Test
    void fiftyConcurrentCompletesAndTenDuplicateWebhooksGiveExactlyOneEnrollmentPaid() throws Exception {
        String account = "buyer-1";
        String token = support.trainee(account);
        UUID cohort = support.offeredCohort("Java 입문", 55_000, today.plusDays(1), today.plusDays(30), 8);
        Map<String, Object> order = support.orderOf(web, token, cohort);
        String orderId = (String) order.get("id");
        String paymentId = (String) order.get("paymentId");
        assertThat(order.get("amount")).isEqualTo(55_000);
        assertThat(order.get("status")).isEqualTo("PENDING");
        portOne.stubFor(get("/payments/" + paymentId).willReturn(okJson(BillingMother.payment(paymentId, "PAID", 55_000, 0, "KRW"))));

        ExecutorService pool = Executors.newFixedThreadPool(60);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        List<java.util.concurrent.Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                statuses.add(BillingTestSupport.queued(web).post().uri("/api/v1/billing/orders/{id}/complete", orderId)
                        .headers(h -> h.setBearerAuth(token)).bodyValue(Map.of("paymentId", paymentId)).exchange().returnResult(String.class).getStatus().value());
                return null;
            }));
        }
        for (int i = 0; i < 10; i++) {
            String webhookId = "wh-" + (i % 3);
            calls.add(pool.submit(() -> {
                start.await();
                statuses.add(support.webhook(BillingTestSupport.queued(web), BillingTestSupport.CURRENT_SECRET, webhookId, Instant.now(),
                        BillingMother.webhook("Transaction.Paid", paymentId)).returnResult(String.class).getStatus().value());
                return null;
            }));
        }
        start.countDown();
        for (var call : calls) {
            call.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(statuses).hasSize(60).allMatch(s -> s == 200);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                support.count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") == 0);
        List<Message> paid = enrollmentPaidFor(orderId);
        assertThat(paid).hasSize(1);
        tools.jackson.databind.JsonNode event = tools.jackson.databind.json.JsonMapper.builder().build().readTree(paid.getFirst().body());
        assertThat(event.path("type").asString()).isEqualTo("io.baeum.billing.EnrollmentPaid.v1");
        assertThat(event.path("source").asString()).isEqualTo("/billing-service");
        assertThat(event.path("data").propertyNames()).containsExactlyInAnyOrder("orderId", "accountId", "cohortId");
        assertThat(event.path("data").path("orderId").asString()).isEqualTo(orderId);
        assertThat(event.path("data").path("accountId").asString()).isEqualTo(account);
        assertThat(event.path("data").path("cohortId").asString()).isEqualTo(cohort.toString());
        assertThat(support.count("SELECT count(*) FROM payment_fulfilment WHERE order_id = '" + orderId + "'")).isEqualTo(1);
        assertThat(support.count("SELECT count(*) FROM webhook_delivery WHERE payment_id = '" + paymentId + "'")).isEqualTo(3);
        web.get().uri("/api/v1/billing/orders/{id}", orderId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.status").isEqualTo("PAID")
                .jsonPath("$.data.receiptUrl").isEqualTo("https://receipt.example/" + paymentId);
        web.post().uri("/api/v1/billing/cart/lines").headers(h -> h.setBearerAuth(token)).bodyValue(Map.of("cohortId", cohort))
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("ALREADY_PURCHASED");
    }

    @Test
    void aTamperedAmountIsFlaggedCancelledAndNeverFulfilled() {
        String token = support.trainee("tamperer-1");
        UUID cohort = support.offeredCohort("Python 입문", 300_000, today.plusDays(1), today.plusDays(30), 8);
        Map<String, Object> order = support.orderOf(web, token, cohort);
        String orderId = (String) order.get("id");
        String paymentId = (String) order.get("paymentId");
        portOne.stubFor(get("/payments/" + paymentId).willReturn(okJson(BillingMother.payment(paymentId, "PAID", 100, 0, "KRW"))));
        portOne.stubFor(post("/payments/" + paymentId + "/cancel")
                .withRequestBody(equalToJson("{\"amount\":100,\"currentCancellableAmount\":100}", true, true))
                .willReturn(okJson(BillingMother.cancellation(100))));

        complete(token, orderId, Map.of()).expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("PAYMENT_AMOUNT_MISMATCH");
        complete(token, orderId, Map.of()).expectStatus().isEqualTo(422);
        support.webhook(web, BillingTestSupport.CURRENT_SECRET, "wh-tamper", Instant.now(), BillingMother.webhook("Transaction.Paid", paymentId))
                .expectStatus().isOk();

        assertThat(support.count("SELECT count(*) FROM payment_tampering WHERE payment_id = '" + paymentId
                + "' AND expected_amount = 300000 AND reported_amount = 100 AND cancelled_at IS NOT NULL")).isEqualTo(1);
        portOne.verify(1, postRequestedFor(urlEqualTo("/payments/" + paymentId + "/cancel")));
        assertThat(support.count("SELECT count(*) FROM outbox_event WHERE payload::text LIKE '%" + orderId + "%'")).isZero();
        assertThat(support.text("SELECT status FROM purchase_order WHERE id = '" + orderId + "'")).isEqualTo("TAMPERED");
    }

    @Test
    void anotherOrdersPaymentIdOrAnotherAccountsOrderIsRefusedBeforePortOneIsAsked() {
        String token = support.trainee("honest-1");
        UUID cohort = support.offeredCohort("Go 입문", 10_000, today.plusDays(1), today.plusDays(30), 8);
        Map<String, Object> mine = support.orderOf(web, token, cohort);
        String other = support.trainee("other-1");
        Map<String, Object> theirs = support.orderOf(web, other, cohort);
        complete(token, mine.get("id"), Map.of("paymentId", theirs.get("paymentId"))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("PAYMENT_ID_MISMATCH");
        complete(token, theirs.get("id"), Map.of()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("ORDER_NOT_FOUND");
        complete(token, mine.get("id"), Map.of("paymentId", "bad id\u0000")).expectStatus().isBadRequest();
        complete(token, "not-a-uuid", Map.of()).expectStatus().isBadRequest();
        assertThat(portOne.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlEqualTo("/payments/" + theirs.get("paymentId"))))).isEmpty();
    }

    @Test
    void whenPortOneIsDownTheOrderStaysPendingAndTheSweepCompletesItLater() {
        String token = support.trainee("patient-1");
        UUID cohort = support.offeredCohort("Kotlin 입문", 77_000, today.plusDays(1), today.plusDays(30), 8);
        Map<String, Object> order = support.orderOf(web, token, cohort);
        String orderId = (String) order.get("id");
        String paymentId = (String) order.get("paymentId");
        portOne.stubFor(get("/payments/" + paymentId).willReturn(aResponse().withStatus(503)));
        complete(token, orderId, Map.of()).expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.code").isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");
        assertThat(support.text("SELECT status FROM purchase_order WHERE id = '" + orderId + "'")).isEqualTo("PENDING");

        // the webhook was lost; PortOne is back and says PAID
        portOne.stubFor(get("/payments/" + paymentId).willReturn(okJson(BillingMother.payment(paymentId, "PAID", 77_000, 0, "KRW"))));
        support.count("UPDATE purchase_order SET created_at = now() - interval '1 hour' WHERE id = '" + orderId + "' RETURNING 1");
        paymentEvents.sweepOnce().block(Duration.ofSeconds(30));
        assertThat(support.text("SELECT status FROM purchase_order WHERE id = '" + orderId + "'")).isEqualTo("PAID");
        await().atMost(Duration.ofSeconds(20)).until(() -> support.count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") == 0);
        assertThat(enrollmentPaidFor(orderId)).hasSize(1);
    }

    @Test
    void aFailedPaymentClosesTheOrderWithoutEnrollment() {
        String token = support.trainee("declined-1");
        UUID cohort = support.offeredCohort("Rust 입문", 10_000, today.plusDays(1), today.plusDays(30), 8);
        Map<String, Object> order = support.orderOf(web, token, cohort);
        String paymentId = (String) order.get("paymentId");
        portOne.stubFor(get("/payments/" + paymentId).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(BillingMother.paymentNotFound())));
        complete(token, order.get("id"), Map.of()).expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("PAYMENT_NOT_COMPLETED");
        portOne.stubFor(get("/payments/" + paymentId).willReturn(okJson(BillingMother.failedPayment(paymentId))));
        complete(token, order.get("id"), Map.of()).expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("PAYMENT_FAILED");
        assertThat(support.count("SELECT count(*) FROM payment_fulfilment WHERE payment_id = '" + paymentId + "'")).isZero();
    }

    @Test
    void webhooksAreAnsweredByTheirSignatureAndUnknownTypesAreAcknowledged() {
        String body = BillingMother.webhook("Transaction.Paid", "pay-unknown");
        support.webhook(web, "whsec_" + java.util.Base64.getEncoder().encodeToString("a-secret-nobody-configured-here!".getBytes()),
                "wh-bad", Instant.now(), body).expectStatus().isUnauthorized().expectBody().jsonPath("$.error.code").isEqualTo("WEBHOOK_SIGNATURE_INVALID");
        support.webhook(web, BillingTestSupport.CURRENT_SECRET, "wh-old", Instant.now().minus(Duration.ofMinutes(6)), body)
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.error.code").isEqualTo("WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE");
        web.post().uri("/api/v1/billing/webhooks/portone").header("Content-Type", "application/json").bodyValue(body).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("WEBHOOK_HEADERS_INVALID");
        support.webhook(web, BillingTestSupport.PREVIOUS_SECRET, "wh-rotated", Instant.now(), body)
                .expectStatus().isOk().expectBody().jsonPath("$.data.outcome").isEqualTo("QUEUED");
        support.webhook(web, BillingTestSupport.PREVIOUS_SECRET, "wh-rotated", Instant.now(), body)
                .expectStatus().isOk().expectBody().jsonPath("$.data.outcome").isEqualTo("DUPLICATE");
        support.webhook(web, BillingTestSupport.CURRENT_SECRET, "wh-billing-key", Instant.now(),
                "{\"type\":\"BillingKey.Issued\",\"timestamp\":\"2026-12-01T00:00:00Z\",\"data\":{\"billingKey\":\"bk-1\"}}")
                .expectStatus().isOk().expectBody().jsonPath("$.data.outcome").isEqualTo("IGNORED");
        support.webhook(web, BillingTestSupport.CURRENT_SECRET, "wh-garbage", Instant.now(), "not json")
                .expectStatus().isOk().expectBody().jsonPath("$.data.outcome").isEqualTo("IGNORED");
        assertThat(support.count("SELECT count(*) FROM webhook_delivery WHERE webhook_id IN ('wh-bad', 'wh-old')")).isZero();
    }
}

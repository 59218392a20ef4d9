package io.baeum.billing.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.baeum.billing.testing.BillingMother;
import io.baeum.billing.testing.BillingTestSupport;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestAccessTokens;

/**
 * B5: after purchases, a tampered payment, webhooks and a refund — with PortOne answering card number,
 * BIN, issuer, buyer e-mail and phone as it does — none of it is in any table or in the logs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.level.io.baeum=DEBUG")
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class CardDataIsNeverKeptTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("billing-events", "learning-events");

    static final TestAccessTokens tokens = BillingTestSupport.tokens();
    static final WireMockServer portOne = new WireMockServer(options().dynamicPort());

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

    final BillingTestSupport support = new BillingTestSupport(infra, tokens);

    /** What PortOne's payment (BillingMother.payment) carries about the card and the buyer. */
    static final List<String> SECRETS = List.of("53275010", "****1234", "KB국민카드", "hong@example.com", "01012345678", "홍길동");

    @Test
    void noCardOrBuyerDetailIsStoredOrLogged(CapturedOutput output) throws Exception {
        support.awaitReady(web);
        String token = support.trainee("b5-buyer");
        UUID cohort = support.offeredCohort("B5", 30_000, LocalDate.now().minusDays(1), LocalDate.now().plusDays(20), 3);
        Map<String, Object> order = support.orderOf(web, token, cohort);
        String paymentId = (String) order.get("paymentId");
        portOne.stubFor(get("/payments/" + paymentId).willReturn(okJson(BillingMother.payment(paymentId, "PAID", 30_000, 0, "KRW"))));
        portOne.stubFor(post("/payments/" + paymentId + "/cancel").willReturn(okJson(BillingMother.cancellation(30_000))));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> BillingTestSupport.queued(web).post()
                .uri("/api/v1/billing/orders/{id}/complete", order.get("id")).headers(h -> h.setBearerAuth(token)).bodyValue(Map.of())
                .exchange().returnResult(String.class).getStatus().value() == 200);
        support.webhook(web, BillingTestSupport.CURRENT_SECRET, "b5-wh", Instant.now(), BillingMother.webhook("Transaction.Paid", paymentId))
                .expectStatus().isOk();
        BillingTestSupport.queued(web).post().uri("/api/v1/billing/refunds").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("orderId", order.get("id"), "cohortId", cohort, "reason", "B5")).exchange().expectStatus().isCreated();

        Map<String, Object> tampered = support.orderOf(web, support.trainee("b5-tamper"), cohort);
        String tamperedPayment = (String) tampered.get("paymentId");
        portOne.stubFor(get("/payments/" + tamperedPayment).willReturn(okJson(BillingMother.payment(tamperedPayment, "PAID", 10, 0, "KRW"))));
        portOne.stubFor(post("/payments/" + tamperedPayment + "/cancel").willReturn(okJson(BillingMother.cancellation(10))));
        support.webhook(web, BillingTestSupport.CURRENT_SECRET, "b5-wh-2", Instant.now(), BillingMother.webhook("Transaction.Paid", tamperedPayment))
                .expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                support.count("SELECT count(*) FROM payment_tampering WHERE payment_id = '" + tamperedPayment + "'") == 1);

        String everything = dumpAllTables();
        assertThat(everything).contains(paymentId);
        for (String secret : SECRETS) {
            assertThat(everything).as("tables").doesNotContain(secret);
            assertThat(output.getAll()).as("logs").doesNotContain(secret);
        }
    }

    private String dumpAllTables() throws Exception {
        List<String> tables = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        try (Connection c = infra.database().connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT row_to_json(t)::text FROM \"" + table + "\" t")) {
                    while (rs.next()) {
                        all.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        assertThat(tables).contains("purchase_order", "refund", "webhook_delivery", "outbox_event");
        return all.toString();
    }
}

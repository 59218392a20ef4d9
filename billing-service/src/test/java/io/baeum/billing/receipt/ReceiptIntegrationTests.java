package io.baeum.billing.receipt;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.baeum.billing.testing.BillingMother;
import io.baeum.billing.testing.BillingTestSupport;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestAccessTokens;

/**
 * A trainee pays (PortOne on WireMock), is refunded part of it, then reads the purchase history with
 * PortOne's receipt links and prints our receipt as HTML and PDF (text read back with PDFBox). Nobody
 * else gets it but an admin; no card detail PortOne sent appears anywhere (B5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ReceiptIntegrationTests {

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
    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));

    @Test
    @SuppressWarnings("unchecked")
    void theOwnerPrintsAReceiptOfWhatWasPaidAndRefundedAndNobodyElseCan() throws Exception {
        support.awaitReady(web);
        String token = support.trainee("receipt-1");
        String title = "자바 백엔드 <실무> & 스프링";
        UUID cohort = support.offeredCohort(title, 55_000, today.plusDays(3), today.plusDays(32), 10);
        Map<String, Object> order = support.orderOf(web, token, cohort);
        String orderId = (String) order.get("id");
        String paymentId = (String) order.get("paymentId");
        portOne.stubFor(get("/payments/" + paymentId).willReturn(okJson(BillingMother.payment(paymentId, "PAID", 55_000, 0, "KRW"))));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> BillingTestSupport.queued(web).post()
                .uri("/api/v1/billing/orders/{id}/complete", orderId).headers(h -> h.setBearerAuth(token)).bodyValue(Map.of())
                .exchange().returnResult(String.class).getStatus().value() == 200);
        portOne.stubFor(post("/payments/" + paymentId + "/cancel").willReturn(okJson(BillingMother.cancellation(5_000))));
        String admin = support.admin("admin-receipts");
        web.post().uri("/api/v1/admin/billing/orders/{id}/refunds", orderId).headers(h -> h.setBearerAuth(admin))
                .bodyValue(Map.of("cohortId", cohort, "amount", 5_000, "reason", "부분 환불")).exchange().expectStatus().isCreated();
        String pending = (String) support.orderOf(web, token, support.offeredCohort("결제 전 과정", 10_000, today.plusDays(3),
                today.plusDays(32), 5)).get("id");

        List<Map<String, Object>> history = history(token);
        assertThat(history).hasSize(2);
        Map<String, Object> paid = history.stream().filter(e -> orderId.equals(e.get("orderId"))).findFirst().orElseThrow();
        assertThat(paid).containsEntry("status", "PAID").containsEntry("receiptUrl", "https://receipt.example/" + paymentId)
                .containsEntry("amount", 55_000).containsEntry("refunded", 5_000).containsEntry("net", 50_000)
                .containsEntry("receipt", "/api/v1/billing/orders/" + orderId + "/receipt");
        assertThat((List<?>) paid.get("refunds")).singleElement().satisfies(r -> assertThat((Map<String, Object>) r)
                .containsEntry("amount", 5_000).containsEntry("status", "COMPLETED").containsEntry("receiptUrl", "https://receipt.example/cancel"));
        assertThat(history.stream().filter(e -> pending.equals(e.get("orderId"))).findFirst().orElseThrow())
                .containsEntry("status", "PENDING").containsEntry("receipt", null);

        String html = web.get().uri("/api/v1/billing/orders/{id}/receipt", orderId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(html).contains("자바 백엔드 &lt;실무&gt; &amp; 스프링", "55,000 KRW", "-5,000 KRW", "50,000 KRW", orderId,
                "https://receipt.example/" + paymentId).doesNotContain("<실무>", "53275010", "1234");

        byte[] pdf = web.get().uri("/api/v1/billing/orders/{id}/receipt.pdf", orderId).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text = textOf(pdf);
        assertThat(text).contains("영수증", title, "55,000 KRW", "-5,000 KRW", "최종 결제금액", "50,000 KRW", orderId, paymentId)
                .doesNotContain("53275010", "KB국민카드");
        assertThat(textOf(web.get().uri("/api/v1/billing/orders/{id}/receipt.pdf", orderId).headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody())).contains(title, orderId);

        String stranger = support.trainee("receipt-2");
        for (String path : new String[] {"/api/v1/billing/orders/{id}/receipt", "/api/v1/billing/orders/{id}/receipt.pdf"}) {
            web.get().uri(path, orderId).headers(h -> h.setBearerAuth(stranger)).exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.error.code").isEqualTo("ORDER_NOT_FOUND");
            web.get().uri(path, pending).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.error.code").isEqualTo("RECEIPT_NOT_ISSUED");
            web.get().uri(path, orderId).exchange().expectStatus().isUnauthorized();
        }
        assertThat(history(stranger)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> history(String token) {
        return (List<Map<String, Object>>) web.get().uri("/api/v1/billing/receipts").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("data");
    }

    private static String textOf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}

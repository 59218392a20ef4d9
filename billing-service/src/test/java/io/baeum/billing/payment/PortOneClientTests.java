package io.baeum.billing.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import reactor.test.StepVerifier;

import io.baeum.billing.config.BillingProperties;
import io.baeum.billing.payment.domain.PaymentGateway;
import io.baeum.billing.payment.domain.PaymentSnapshot;
import io.baeum.billing.payment.portone.PortOneClient;
import io.baeum.billing.testing.BillingMother;
import io.baeum.common.error.DomainException;

/** The production PortOne adapter against WireMock stubs of PortOne V2's documented requests and answers. */
class PortOneClientTests {

    final WireMockServer portOne = new WireMockServer(options().dynamicPort());
    PortOneClient client;

    @BeforeEach
    void start() {
        portOne.start();
        client = new PortOneClient(WebClient.builder(), new BillingProperties.PortOne("portone",
                URI.create("http://127.0.0.1:" + portOne.port()), "the-secret", "store-1", Duration.ofSeconds(2), 2,
                Duration.ofSeconds(30), List.of(), Duration.ofMinutes(5), URI.create("http://127.0.0.1:9")));
    }

    @AfterEach
    void stop() {
        portOne.stop();
    }

    @Test
    void aPaidPaymentIsReadWithTheSecretAndUnknownFieldsAreIgnored() {
        portOne.stubFor(get("/payments/pay-1").withHeader("Authorization", equalTo("PortOne the-secret"))
                .willReturn(okJson(BillingMother.payment("pay-1", "PAID", 55_000, 0, "KRW"))));
        StepVerifier.create(client.find("pay-1"))
                .assertNext(p -> {
                    assertThat(p.status()).isEqualTo(PaymentSnapshot.Status.PAID);
                    assertThat(p.total()).isEqualTo(55_000);
                    assertThat(p.currency()).isEqualTo("KRW");
                    assertThat(p.receiptUrl()).isEqualTo("https://receipt.example/pay-1");
                    assertThat(p.paidAt()).isNotNull();
                    assertThat(p.toString()).doesNotContain("5327").doesNotContain("hong@");
                })
                .verifyComplete();
    }

    @Test
    void aPartiallyCancelledPaymentReportsWhatIsLeftToCancel() {
        portOne.stubFor(get("/payments/pay-2").willReturn(okJson(BillingMother.payment("pay-2", "PARTIAL_CANCELLED", 90_000, 30_000, "KRW"))));
        StepVerifier.create(client.find("pay-2"))
                .assertNext(p -> {
                    assertThat(p.status()).isEqualTo(PaymentSnapshot.Status.PARTIAL_CANCELLED);
                    assertThat(p.cancellable()).isEqualTo(60_000);
                })
                .verifyComplete();
    }

    @Test
    void aFailedPaymentAndAnUnknownStatusAreNotPaid() {
        portOne.stubFor(get("/payments/pay-3").willReturn(okJson(BillingMother.failedPayment("pay-3"))));
        portOne.stubFor(get("/payments/pay-4").willReturn(okJson(BillingMother.payment("pay-4", "SOMETHING_NEW", 1, 0, "KRW"))));
        StepVerifier.create(client.find("pay-3")).assertNext(p -> assertThat(p.status()).isEqualTo(PaymentSnapshot.Status.FAILED)).verifyComplete();
        StepVerifier.create(client.find("pay-4")).assertNext(p -> assertThat(p.status()).isEqualTo(PaymentSnapshot.Status.UNKNOWN)).verifyComplete();
    }

    @Test
    void aPaymentPortOneDoesNotKnowIsNotFoundRatherThanAnError() {
        portOne.stubFor(get("/payments/pay-5").willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody(BillingMother.paymentNotFound())));
        StepVerifier.create(client.find("pay-5")).assertNext(p -> assertThat(p.status()).isEqualTo(PaymentSnapshot.Status.NOT_FOUND))
                .verifyComplete();
    }

    @Test
    void transientFailuresAreRetriedAndThenTheAnswerIsRead() {
        portOne.stubFor(get("/payments/pay-6").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        portOne.stubFor(get("/payments/pay-6").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(okJson(BillingMother.payment("pay-6", "PAID", 1000, 0, "KRW"))));
        StepVerifier.create(client.find("pay-6")).assertNext(p -> assertThat(p.status()).isEqualTo(PaymentSnapshot.Status.PAID)).verifyComplete();
        portOne.verify(2, getRequestedFor(urlEqualTo("/payments/pay-6")));
    }

    @Test
    void aPortOneThatStaysDownOrTooSlowIsUnavailableAndUnauthorisedIsNotRetried() {
        portOne.stubFor(get("/payments/pay-7").willReturn(aResponse().withStatus(502)));
        portOne.stubFor(get("/payments/pay-8").willReturn(okJson("{}").withFixedDelay(3_000)));
        portOne.stubFor(get("/payments/pay-9").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"UNAUTHORIZED\",\"message\":\"인증 정보가 올바르지 않습니다.\"}")));
        StepVerifier.create(client.find("pay-7")).expectErrorSatisfies(e -> unavailable(e, PaymentGateway.UNAVAILABLE)).verify();
        portOne.verify(3, getRequestedFor(urlEqualTo("/payments/pay-7")));
        StepVerifier.create(client.find("pay-8")).expectErrorSatisfies(e -> unavailable(e, PaymentGateway.UNAVAILABLE)).verify();
        StepVerifier.create(client.find("pay-9")).expectErrorSatisfies(e -> unavailable(e, PaymentGateway.REFUSED)).verify();
        portOne.verify(1, getRequestedFor(urlEqualTo("/payments/pay-9")));
    }

    @Test
    void aCancellationSendsAmountReasonAndTheCurrentCancellableAmount() {
        portOne.stubFor(post("/payments/pay-10/cancel")
                .withHeader("Authorization", equalTo("PortOne the-secret"))
                .withRequestBody(equalToJson("{\"storeId\":\"store-1\",\"amount\":30000,\"reason\":\"환불\",\"requester\":\"ADMIN\","
                        + "\"currentCancellableAmount\":90000}"))
                .willReturn(okJson(BillingMother.cancellation(30_000))));
        StepVerifier.create(client.cancel(new PaymentGateway.CancelRequest("pay-10", 30_000, "환불", 90_000)))
                .assertNext(c -> {
                    assertThat(c.status()).isEqualTo("SUCCEEDED");
                    assertThat(c.totalAmount()).isEqualTo(30_000);
                    assertThat(c.id()).startsWith("cancel-");
                })
                .verifyComplete();
    }

    @Test
    void aCancellationAboveWhatIsLeftOrWithAStaleCancellableAmountIsAConflictAndNotRetried() {
        portOne.stubFor(post("/payments/pay-11/cancel").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody(BillingMother.cancelExceeds())));
        portOne.stubFor(post("/payments/pay-12/cancel").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody(BillingMother.cancellableInconsistent())));
        StepVerifier.create(client.cancel(new PaymentGateway.CancelRequest("pay-11", 100_000, "환불", 90_000)))
                .expectErrorSatisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(PaymentGateway.CANCEL_EXCEEDS)).verify();
        StepVerifier.create(client.cancel(new PaymentGateway.CancelRequest("pay-12", 1_000, "환불", 90_000)))
                .expectErrorSatisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(PaymentGateway.CANCELLABLE_INCONSISTENT)).verify();
        portOne.verify(1, postRequestedFor(urlEqualTo("/payments/pay-11/cancel")));
    }

    @Test
    void aCancellationWhoseAnswerIsLostIsNotRetried() {
        portOne.stubFor(post("/payments/pay-13/cancel").willReturn(aResponse().withStatus(500)));
        StepVerifier.create(client.cancel(new PaymentGateway.CancelRequest("pay-13", 1_000, "환불", 1_000)))
                .expectErrorSatisfies(e -> unavailable(e, PaymentGateway.UNAVAILABLE)).verify();
        portOne.verify(1, postRequestedFor(urlEqualTo("/payments/pay-13/cancel")));
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndPortOneIsNotCalled() {
        portOne.stubFor(get("/payments/down").willReturn(aResponse().withStatus(503)));
        PortOneClient fastFailing = new PortOneClient(WebClient.builder(), new BillingProperties.PortOne("portone",
                URI.create("http://127.0.0.1:" + portOne.port()), "s", null, Duration.ofSeconds(2), 0,
                Duration.ofSeconds(30), List.of(), Duration.ofMinutes(5), URI.create("http://127.0.0.1:9")));
        for (int i = 0; i < 10; i++) {
            StepVerifier.create(fastFailing.find("down")).expectError(DomainException.class).verify();
        }
        int calls = portOne.findAll(getRequestedFor(urlEqualTo("/payments/down"))).size();
        StepVerifier.create(fastFailing.find("down"))
                .expectErrorSatisfies(e -> assertThat(e.getMessage()).contains("circuit open")).verify();
        assertThat(portOne.findAll(getRequestedFor(urlEqualTo("/payments/down")))).hasSize(calls);
    }

    private static void unavailable(Throwable e, String code) {
        assertThat(e).isInstanceOf(DomainException.class);
        assertThat(((DomainException) e).code()).isEqualTo(code);
    }
}

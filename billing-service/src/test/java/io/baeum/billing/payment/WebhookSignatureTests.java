package io.baeum.billing.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.baeum.billing.payment.domain.WebhookSignature;
import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;
import io.baeum.testing.MutableClock;

/** The Standard Webhooks check, on a full matrix of honest and dishonest deliveries. */
class WebhookSignatureTests {

    static final String CURRENT = "whsec_" + Base64.getEncoder().encodeToString("current-secret-of-32-bytes-long!".getBytes());
    static final String PREVIOUS = "whsec_" + Base64.getEncoder().encodeToString("previous-secret-32-bytes-long!!!".getBytes());
    static final String RETIRED = "whsec_" + Base64.getEncoder().encodeToString("retired-secret-of-32-bytes-long!".getBytes());

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    final WebhookSignature verifier = new WebhookSignature(List.of(CURRENT, PREVIOUS), Duration.ofMinutes(5), clock);
    final byte[] body = "{\"type\":\"Transaction.Paid\",\"timestamp\":\"2026-12-03T10:00:00Z\",\"data\":{\"paymentId\":\"pay-1\"}}"
            .getBytes(StandardCharsets.UTF_8);
    final long now = clock.instant().getEpochSecond();

    WebhookSignature.Delivery verify(String id, long timestamp, String signature, byte[] content) {
        return verifier.verify(List.of(id), List.of(Long.toString(timestamp)), List.of(signature), content);
    }

    void refused(Runnable call, ErrorKind kind, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.kind()).isEqualTo(kind);
        });
    }

    @Test
    void aDeliverySignedWithTheCurrentSecretIsAccepted() {
        assertThat(verify("msg_1", now, WebhookSignature.sign(CURRENT, "msg_1", now, body), body))
                .isEqualTo(new WebhookSignature.Delivery("msg_1", now));
    }

    @Test
    void aDeliverySignedWithThePreviousSecretIsAcceptedDuringARotation() {
        assertThat(verify("msg_2", now, WebhookSignature.sign(PREVIOUS, "msg_2", now, body), body).id()).isEqualTo("msg_2");
    }

    @Test
    void aDeliverySignedWithARetiredSecretIsRefused() {
        refused(() -> verify("msg_3", now, WebhookSignature.sign(RETIRED, "msg_3", now, body), body),
                ErrorKind.UNAUTHENTICATED, "WEBHOOK_SIGNATURE_INVALID");
    }

    @Test
    void oneMatchingEntryAmongSeveralSignaturesIsEnough() {
        String signatures = "v1,AAAA " + "v2,whatever " + WebhookSignature.sign(PREVIOUS, "msg_4", now, body) + " v1,!!notbase64";
        assertThat(verify("msg_4", now, signatures, body).id()).isEqualTo("msg_4");
    }

    @Test
    void aChangedBodyIdOrTimestampBreaksTheSignature() {
        String signature = WebhookSignature.sign(CURRENT, "msg_5", now, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("pay-1", "pay-2").getBytes(StandardCharsets.UTF_8);
        refused(() -> verify("msg_5", now, signature, tampered), ErrorKind.UNAUTHENTICATED, "WEBHOOK_SIGNATURE_INVALID");
        refused(() -> verify("msg_6", now, signature, body), ErrorKind.UNAUTHENTICATED, "WEBHOOK_SIGNATURE_INVALID");
        refused(() -> verify("msg_5", now + 1, signature, body), ErrorKind.UNAUTHENTICATED, "WEBHOOK_SIGNATURE_INVALID");
    }

    @Test
    void aSignatureOfAnotherSchemeOrGarbageIsRefused() {
        String v1 = WebhookSignature.sign(CURRENT, "msg_7", now, body);
        refused(() -> verify("msg_7", now, v1.replace("v1,", "v2,"), body), ErrorKind.UNAUTHENTICATED, "WEBHOOK_SIGNATURE_INVALID");
        refused(() -> verify("msg_7", now, v1.substring(3), body), ErrorKind.UNAUTHENTICATED, "WEBHOOK_SIGNATURE_INVALID");
        refused(() -> verify("msg_7", now, "v1,", body), ErrorKind.UNAUTHENTICATED, "WEBHOOK_SIGNATURE_INVALID");
    }

    @Test
    void timestampsWithinFiveMinutesEitherWayAreAcceptedAndBeyondAreRefused() {
        for (long skew : new long[] {-300, 300}) {
            long at = now + skew;
            assertThat(verify("msg_8", at, WebhookSignature.sign(CURRENT, "msg_8", at, body), body).timestamp()).isEqualTo(at);
        }
        for (long skew : new long[] {-301, 301, -86_400}) {
            long at = now + skew;
            refused(() -> verify("msg_9", at, WebhookSignature.sign(CURRENT, "msg_9", at, body), body),
                    ErrorKind.UNAUTHENTICATED, "WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE");
        }
    }

    @Test
    void aMissingOrRepeatedHeaderIsRefusedAsInvalid() {
        String sig = WebhookSignature.sign(CURRENT, "msg_10", now, body);
        String ts = Long.toString(now);
        refused(() -> verifier.verify(null, List.of(ts), List.of(sig), body), ErrorKind.INVALID, "WEBHOOK_HEADERS_INVALID");
        refused(() -> verifier.verify(List.of("msg_10"), List.of(), List.of(sig), body), ErrorKind.INVALID, "WEBHOOK_HEADERS_INVALID");
        refused(() -> verifier.verify(List.of("msg_10"), List.of(ts), null, body), ErrorKind.INVALID, "WEBHOOK_HEADERS_INVALID");
        refused(() -> verifier.verify(List.of("msg_10", "msg_10"), List.of(ts), List.of(sig), body), ErrorKind.INVALID, "WEBHOOK_HEADERS_INVALID");
        refused(() -> verifier.verify(List.of("msg_10"), List.of(ts, ts), List.of(sig), body), ErrorKind.INVALID, "WEBHOOK_HEADERS_INVALID");
        refused(() -> verifier.verify(List.of("msg_10"), List.of(ts), List.of(sig, sig), body), ErrorKind.INVALID, "WEBHOOK_HEADERS_INVALID");
        refused(() -> verifier.verify(List.of(""), List.of(ts), List.of(sig), body), ErrorKind.INVALID, "WEBHOOK_HEADERS_INVALID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "1.7e9", "", "0x10"})
    void aTimestampThatIsNotUnixSecondsIsRefusedAsInvalid(String timestamp) {
        refused(() -> verifier.verify(List.of("msg_11"), List.of(timestamp), List.of("v1,AAAA"), body),
                ErrorKind.INVALID, "WEBHOOK_HEADERS_INVALID");
    }

    @Test
    void anIdWithControlCharactersIsRefusedAsInvalid() {
        refused(() -> verify("msg\n12", now, "v1,AAAA", body), ErrorKind.INVALID, "WEBHOOK_HEADERS_INVALID");
    }

    @Test
    void aSecretThatIsNotBase64IsAConfigurationError() {
        assertThatThrownBy(() -> new WebhookSignature(List.of("whsec_not base64!"), Duration.ofMinutes(5), clock))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSignatureIsTheStandardWebhooksReferenceValue() {
        // the example of the Standard Webhooks specification (standardwebhooks.com, "Verifying webhooks")
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        byte[] payload = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, payload))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
}

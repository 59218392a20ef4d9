package io.baeum.billing.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.billing.payment.domain.WebhookSignature;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestAccessTokens;

/** What billing's integration tests share: tokens, SQL counts, the catalogue fed over SQS, signed webhooks. */
public final class BillingTestSupport {

    /** The current TEST ONLY secret of src/test/resources/config/application.yml. */
    public static final String CURRENT_SECRET = "whsec_dGVzdC1jdXJyZW50LXdlYmhvb2stc2VjcmV0LTMyYnl0ZXM=";
    public static final String PREVIOUS_SECRET = "whsec_dGVzdC1wcmV2aW91cy13ZWJob29rLXNlY3JldC0zMmJ5dGU=";

    private final BaeumInfrastructure infra;
    private final TestAccessTokens tokens;

    public BillingTestSupport(BaeumInfrastructure infra, TestAccessTokens tokens) {
        this.infra = infra;
        this.tokens = tokens;
    }

    public static TestAccessTokens tokens() {
        return new TestAccessTokens(Clock.systemUTC());
    }

    public String trainee(String id) {
        return tokens.token(id).sign();
    }

    public String admin(String id) {
        return tokens.token(id).roles("ADMIN").sign();
    }

    /**
     * Waits (polling) until the service answers an authenticated request: on a loaded machine the first
     * JWKS fetch may not have finished when the first test starts.
     */
    public void awaitReady(WebTestClient web) {
        String token = trainee("warm-up");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> web.get().uri("/api/v1/billing/cart")
                .headers(h -> h.setBearerAuth(token)).exchange().returnResult(String.class).getStatus().value() == 200);
    }

    /**
     * A client for requests that queue behind each other by design (concurrent completes and refunds
     * serialise on one row): the answer of the last one may take longer than WebTestClient's 5 s default.
     */
    public static WebTestClient queued(WebTestClient web) {
        return web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    }

    public void sendBillingEvent(String body) {
        infra.sqs().client().sendMessage(b -> b.queueUrl(infra.sqs().queueUrl("billing-events")).messageBody(body)).join();
    }

    /** Offers a cohort through learning's event and waits until billing's catalogue has it. */
    public UUID offeredCohort(String title, long price, java.time.LocalDate from, java.time.LocalDate to, int lessons) {
        UUID cohort = UUID.randomUUID();
        sendBillingEvent(BillingMother.cohortOffered(cohort, title, price, from, to, lessons));
        await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT count(*) FROM catalogue_cohort WHERE cohort_id = '" + cohort + "'") == 1);
        return cohort;
    }

    public long count(String sql) {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements (test data seeded straight into the tables). */
    public void execute(String sql) {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String text(String sql) {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cart of one cohort, then an order of it: the order's data (id, paymentId, amount). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> orderOf(WebTestClient web, String token, UUID cohort) {
        web.post().uri("/api/v1/billing/cart/lines").headers(h -> h.setBearerAuth(token)).bodyValue(Map.of("cohortId", cohort))
                .exchange().expectStatus().isOk();
        return (Map<String, Object>) web.post().uri("/api/v1/billing/orders").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("data");
    }

    public WebTestClient.ResponseSpec webhook(WebTestClient web, String secret, String id, Instant at, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long ts = at.getEpochSecond();
        return web.post().uri("/api/v1/billing/webhooks/portone")
                .header("Content-Type", "application/json")
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(ts))
                .header("webhook-signature", WebhookSignature.sign(secret, id, ts, bytes))
                .bodyValue(bytes).exchange();
    }
}

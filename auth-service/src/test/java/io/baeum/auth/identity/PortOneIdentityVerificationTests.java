package io.baeum.auth.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;

/**
 * The PortOne V2 adapter against a WireMock stub answering {@code GET /identity-verifications/{id}}
 * in PortOne's documented shape (status, verifiedCustomer, pgTxId, verifiedAt).
 */
class PortOneIdentityVerificationTests extends AuthIntegrationTest {

    static final String SECRET = "portone-test-secret";
    static final WireMockServer portone = new WireMockServer(options().dynamicPort());

    static {
        portone.start();
    }

    @DynamicPropertySource
    static void portOne(DynamicPropertyRegistry registry) {
        registry.add("baeum.auth.identity-verification.provider", () -> "portone");
        registry.add("baeum.auth.identity-verification.portone.base-url", portone::baseUrl);
        registry.add("baeum.auth.identity-verification.portone.api-secret", () -> SECRET);
        registry.add("baeum.auth.identity-verification.portone.store-id", () -> "store-test");
        registry.add("baeum.auth.identity-verification.portone.channel-key", () -> "channel-key-test");
    }

    @AfterAll
    static void stop() {
        portone.stop();
    }

    Members.Member member;
    Members.Tokens tokens;

    @BeforeEach
    void signIn() {
        portone.resetAll();
        member = members.signUp();
        tokens = members.logIn(member);
    }

    @Test
    void aVerifiedResultIsKeptAsEvidenceAndFreshTokensCarryIdvAt() throws Exception {
        String id = start();
        stub(id, verified(id, member.id().toString(), "CI-ABCDEFG-0123456789"));

        String body = complete(id).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        Members.Tokens fresh = Members.tokens(body);
        Object idvAt = SignedJWT.parse(fresh.accessToken()).getJWTClaimsSet().getClaim("idv_at");
        assertThat(idvAt).isInstanceOf(Number.class);
        assertThat(((Number) idvAt).longValue()).isEqualTo(1_763_690_400L); // 2025-11-21T02:00:00Z
        portone.verify(getRequestedFor(urlPathEqualTo("/identity-verifications/" + id))
                .withHeader("Authorization", equalTo("PortOne " + SECRET))
                .withQueryParam("storeId", equalTo("store-test")));
        members.me(fresh.accessToken()).expectStatus().isOk()
                .expectBody().jsonPath("$.data.identityVerifiedAt").isEqualTo("2025-11-21T02:00:00Z");
        // refreshed tokens keep idv_at
        Members.Tokens refreshed = Members.tokens(members.refresh(fresh.refreshToken()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(SignedJWT.parse(refreshed.accessToken()).getJWTClaimsSet().getClaim("idv_at")).isEqualTo(idvAt);

        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT i::text, provider_tx_id, ci_index IS NOT NULL, status "
                     + "FROM identity_verification i WHERE id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).doesNotContain("CI-ABCDEFG").doesNotContain("01099998888");
            assertThat(rs.getString(2)).isEqualTo("pg-tx-" + id);
            assertThat(rs.getBoolean(3)).isTrue();
            assertThat(rs.getString(4)).isEqualTo("VERIFIED");
        }
        // used once
        complete(id).expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("IDV_ALREADY_USED");
    }

    @Test
    void aVerificationNotYetVerifiedIsRefused() {
        String id = start();
        stub(id, """
                {"status":"READY","id":"%s","requestedCustomer":{"id":"%s"},"requestedAt":"2025-11-21T01:59:00Z",
                 "updatedAt":"2025-11-21T01:59:00Z","statusChangedAt":"2025-11-21T01:59:00Z","version":"V2"}
                """.formatted(id, member.id()));

        complete(id).expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("IDV_NOT_VERIFIED");
    }

    @Test
    void aVerificationOfAnotherCustomerIsRefused() {
        String id = start();
        stub(id, verified(id, UUID.randomUUID().toString(), "CI-OTHER"));

        complete(id).expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("IDV_MISMATCH");
    }

    @Test
    void anIdThisMemberDidNotRequestIsRefusedWithoutAskingPortOne() {
        Members.Member other = members.signUp();
        String othersId = start(members.logIn(other));

        complete(othersId).expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("IDV_NOT_FOUND");
        assertThat(portone.getAllServeEvents()).isEmpty();
    }

    @Test
    void portOneNotKnowingTheIdIsNotFoundAndPortOneFailingIsUnavailable() {
        String unknown = start();
        portone.stubFor(get(urlPathEqualTo("/identity-verifications/" + unknown)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"IDENTITY_VERIFICATION_NOT_FOUND\",\"message\":\"not found\"}")));
        complete(unknown).expectStatus().isNotFound().expectBody().jsonPath("$.error.code").isEqualTo("IDV_NOT_FOUND");

        String failing = start();
        portone.stubFor(get(urlPathEqualTo("/identity-verifications/" + failing)).willReturn(aResponse().withStatus(503)));
        complete(failing).expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.error.code").isEqualTo("IDV_PROVIDER_UNAVAILABLE");
        assertThat(portone.countRequestsMatching(getRequestedFor(urlPathEqualTo("/identity-verifications/" + failing))
                .build()).getCount()).isEqualTo(3); // one call and two retries
    }

    private String start() {
        return start(tokens);
    }

    private String start(Members.Tokens as) {
        String body = web.post().uri("/api/v1/identity-verifications").header("Authorization", "Bearer " + as.accessToken())
                .exchange().expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(Members.read(body).path("data").path("channelKey").asString()).isEqualTo("channel-key-test");
        return Members.read(body).path("data").path("identityVerificationId").asString();
    }

    private WebTestClient.ResponseSpec complete(String id) {
        return web.post().uri("/api/v1/identity-verifications/{id}/complete", id)
                .header("Authorization", "Bearer " + tokens.accessToken()).exchange();
    }

    private static void stub(String id, String json) {
        portone.stubFor(get(urlPathEqualTo("/identity-verifications/" + id))
                .withHeader("Authorization", equalTo("PortOne " + SECRET))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(json)));
    }

    /** A VERIFIED identity verification as PortOne V2 documents it. */
    private static String verified(String id, String customerId, String ci) {
        return """
                {"status":"VERIFIED","id":"%s","channel":{"type":"LIVE","id":"channel-id","key":"channel-key-test",
                  "name":"danal","pgProvider":"DANAL","pgMerchantId":"merchant"},
                 "verifiedCustomer":{"id":"%s","name":"김배움","operator":"SKT","phoneNumber":"01099998888",
                  "birthDate":"1990-01-01","gender":"MALE","isForeigner":false,"ci":"%s","di":"DI-XYZ"},
                 "requestedAt":"2025-11-21T01:59:00Z","updatedAt":"2025-11-21T02:00:00Z",
                 "statusChangedAt":"2025-11-21T02:00:00Z","verifiedAt":"2025-11-21T02:00:00Z",
                 "pgTxId":"pg-tx-%s","pgRawResponse":"{}","version":"V2"}
                """.formatted(id, customerId, ci, id);
    }
}

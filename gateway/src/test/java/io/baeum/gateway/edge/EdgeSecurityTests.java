package io.baeum.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.baeum.common.security.SessionRevocationCheck;
import io.baeum.gateway.support.GatewayTestSupport;
import io.baeum.testing.TestAccessTokens;

/** SECURITY.md G1–G5 at the edge: forged tokens never reach a service; roles, deny-list, headers, CORS. */
class EdgeSecurityTests extends GatewayTestSupport {

    static Stream<Arguments> hostileTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("garbage", "not-a-jwt"),
                Arguments.of("alg none", unsigned()),
                Arguments.of("HS256 keyed with the public key", hmacWithPublicKey()),
                Arguments.of("unknown signing key, same kid", tokens.token("mallory")
                        .signedWith(TestAccessTokens.generate("auth-test-key")).sign()),
                Arguments.of("unknown kid", tokens.token("mallory")
                        .signedWith(TestAccessTokens.generate("other-kid")).sign()),
                Arguments.of("wrong issuer", tokens.token("mallory").issuer("https://evil.example").sign()),
                Arguments.of("audience without the gateway", tokens.token("mallory").audience("learning-service").sign()),
                Arguments.of("expired", tokens.token("mallory").issuedAt(now.minus(Duration.ofMinutes(20))).sign()),
                Arguments.of("issued in the future", tokens.token("mallory").issuedAt(now.plus(Duration.ofMinutes(5))).sign()),
                Arguments.of("refresh token type", tokens.token("mallory").type("refresh+jwt").sign()),
                Arguments.of("plain JWT type", tokens.token("mallory").type("JWT").sign()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void aForgedOrMisusedTokenIsRefusedAtTheEdgeAndNoServiceSeesIt(String name, String token) {
        web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer.*")
                .expectBody().jsonPath("$.success").isEqualTo(false).jsonPath("$.error.code").isEqualTo("UNAUTHORIZED");
        assertThat(services.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aProtectedPathWithoutATokenIsRefusedWith401() {
        web.post().uri("/api/v1/playback/sessions").bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHORIZED");
        assertThat(services.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void publicPathsNeedNoToken() {
        web.post().uri("/api/v1/auth/login").bodyValue("{}").header("Content-Type", "application/json")
                .exchange().expectStatus().isOk();
        web.get().uri("/api/v1/catalog/courses").exchange().expectStatus().isOk();
        web.get().uri("/.well-known/jwks.json").exchange().expectStatus().isOk();
        // the certificate verification behind the QR code (learning-service)
        web.get().uri("/api/v1/certificates/2026-000001-6/verification").exchange().expectStatus().isOk();
        web.get().uri("/api/v1/me/certificates").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void adminPathsNeedTheAdminRoleAndInstructorPathsAnInstructorOrAdmin() {
        web.get().uri("/api/v1/admin/members").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee())
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("FORBIDDEN");
        web.get().uri("/api/v1/admin/courses").header(HttpHeaders.AUTHORIZATION, "Bearer " + withRoles("INSTRUCTOR"))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/instructor/cohorts").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee())
                .exchange().expectStatus().isForbidden();
        assertThat(services.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(learning.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();

        web.get().uri("/api/v1/admin/members").header(HttpHeaders.AUTHORIZATION, "Bearer " + withRoles("ADMIN"))
                .exchange().expectStatus().isOk();
        web.get().uri("/api/v1/instructor/cohorts").header(HttpHeaders.AUTHORIZATION, "Bearer " + withRoles("INSTRUCTOR"))
                .exchange().expectStatus().isOk();
        web.get().uri("/api/v1/manage/lessons/1/cue-quizzes").header(HttpHeaders.AUTHORIZATION, "Bearer " + withRoles("ADMIN"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aRevokedSessionIsRefusedWithinTheCacheTime() throws InterruptedException {
        String sid = "session-to-revoke";
        String token = tokens.token("trainee-2").session(sid).sign();
        web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk();

        infra.redis().set(SessionRevocationCheck.DENY_LIST_KEY_PREFIX + sid, "LOGOUT");

        // the test's cache TTL is 200 ms; the margin is for a loaded build machine
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .exchange().expectStatus().isUnauthorized());
        // another session of the same account is not affected
        web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.token("trainee-2").sign())
                .exchange().expectStatus().isOk();
    }

    @Test
    void identityHeadersAndForwardingHeadersSentByTheClientNeverReachAService() {
        web.get().uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee())
                .header("X-User-Id", "admin-1")
                .header("X-User-Roles", "ADMIN")
                .header("X-Baeum-Roles", "ADMIN")
                .header("X-Forwarded-User", "admin")
                .header("X-Forwarded-For", "6.6.6.6")
                .header("Forwarded", "for=6.6.6.6")
                .exchange().expectStatus().isOk();

        services.wireMock().verify(getRequestedFor(urlEqualTo("/api/v1/me"))
                .withHeader("X-User-Id", absent())
                .withHeader("X-User-Roles", absent())
                .withHeader("X-Baeum-Roles", absent())
                .withHeader("X-Forwarded-User", absent())
                .withHeader("Forwarded", absent())
                .withHeader("X-Forwarded-For", equalTo("127.0.0.1"))
                .withHeader(HttpHeaders.AUTHORIZATION, matching("Bearer .+"))
                .withHeader("X-Request-Id", matching(".+")));
    }

    @Test
    void theRequestIdTheClientSeesIsTheOneTheServiceGot() {
        String requestId = web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee())
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");
        assertThat(requestId).isNotBlank();
        services.wireMock().verify(getRequestedFor(urlEqualTo("/api/v1/me")).withHeader("X-Request-Id", equalTo(requestId)));
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() {
        web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + trainee())
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void corsAllowsTheConfiguredWebOriginsOnly() {
        web.options().uri("/api/v1/playback/sessions")
                .header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
        web.options().uri("/api/v1/playback/sessions")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpMethod.POST.name())
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(services.wireMock().findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    private static String unsigned() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
        String claims = b64("{\"iss\":\"" + TestAccessTokens.ISSUER + "\",\"aud\":[\"gateway\"],\"sub\":\"mallory\","
                + "\"sid\":\"s\",\"roles\":[\"ADMIN\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        return header + "." + claims + ".";
    }

    private static String hmacWithPublicKey() {
        try {
            JWTClaimsSet claims = SignedJWT.parse(tokens.token("mallory").roles("ADMIN").sign()).getJWTClaimsSet();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .type(new com.nimbusds.jose.JOSEObjectType("at+jwt")).keyID(tokens.key().getKeyID()).build(), claims);
            jwt.sign(new MACSigner(tokens.key().toPublicJWK().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

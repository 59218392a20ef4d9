package io.baeum.common.security;

import io.baeum.testing.MutableClock;
import io.baeum.testing.JwksTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.reactive.result.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.common.security.HostileTokens.HostileToken;
import io.baeum.common.web.ApiResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BaeumSecurity#bearerTokens} in a real Spring Security WebFlux filter chain in front of a tiny
 * controller: valid tokens reach the handler, everything else is answered 401/403 with the envelope
 * before any handler code runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerTokenSecurityWebFluxTests {

    private static final String REVOKED_SESSION = "revoked-session";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    private final ProbeController controller = new ProbeController();
    private JwksTestServer jwks;
    private JwksTestServer attacker;
    private TokenMother tokens;
    private WebTestClient client;

    @BeforeAll
    void startServers() {
        jwks = new JwksTestServer(TokenMother.SIGNING_KEY);
        attacker = new JwksTestServer(TokenMother.ATTACKER_KEY);
        tokens = new TokenMother(clock, attacker.jwksUri());
        buildApplication();
    }

    @AfterAll
    void stopServers() {
        jwks.close();
        attacker.close();
    }

    @BeforeEach
    void resetInvocations() {
        controller.invocations.set(0);
    }

    private void buildApplication() {
        TokenVerificationProperties properties = TokenMother.propertiesFor(jwks.jwksUri());
        AccessTokenVerifier verifier = new AccessTokenVerifier(JwksKeySource.of(WebClient.create(), properties, clock),
                properties, clock);
        SessionRevocationCheck revoked = sessionId -> Mono.just(REVOKED_SESSION.equals(sessionId));
        SecurityWebFilterChain chain = BaeumSecurity.bearerTokens(ServerHttpSecurity.http(), verifier, revoked)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyExchange().authenticated())
                .build();
        client = WebTestClient.bindToController(controller)
                .webFilter(new WebFilterChainProxy(chain))
                .argumentResolvers(resolvers -> resolvers.addCustomResolver(
                        new AuthenticationPrincipalArgumentResolver(ReactiveAdapterRegistry.getSharedInstance())))
                .configureClient()
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Test
    void validTokenReachesTheHandlerWithTheVerifiedTokenAsPrincipal() {
        client.get().uri("/api/v1/me")
                .headers(headers -> headers.setBearerAuth(tokens.accessToken().sign()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.subject").isEqualTo(TokenMother.SUBJECT)
                .jsonPath("$.data.sessionId").isEqualTo(TokenMother.SESSION_ID)
                .jsonPath("$.data.roles[0]").isEqualTo("TRAINEE");
        assertThat(controller.invocations).hasValue(1);
    }

    @Test
    void adminTokenReachesTheAdminHandler() {
        client.get().uri("/api/v1/admin/reports")
                .headers(headers -> headers.setBearerAuth(tokens.accessToken().roles("ADMIN").sign()))
                .exchange()
                .expectStatus().isOk();
        assertThat(controller.invocations).hasValue(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.baeum.common.security.HostileTokens#all")
    void hostileTokenIsRefusedWithTheEnvelopeAndNoHandlerRuns(HostileToken hostile) {
        String token = hostile.forge().apply(tokens);

        WebTestClient.BodyContentSpec body = client.get().uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody();
        assertUnauthorizedEnvelope(body);
        assertThat(controller.invocations).hasValue(0);
        assertThat(attacker.requests()).isZero();
    }

    @Test
    void refusedTokenGetsAnInvalidTokenChallengeAndNoReason() {
        String forged = tokens.accessToken().signedWith(TokenMother.ATTACKER_KEY,
                JWSAlgorithm.RS256).sign();

        client.get().uri("/api/v1/me")
                .headers(headers -> headers.setBearerAuth(forged))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody(String.class)
                .value(json -> assertThat(json).doesNotContain("BAD_SIGNATURE").doesNotContain("signature"));
    }

    @Test
    void missingTokenGetsAPlainBearerChallenge() {
        WebTestClient.BodyContentSpec body = client.get().uri("/api/v1/me")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody();
        assertUnauthorizedEnvelope(body);
        assertThat(controller.invocations).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Bearer a b", "Token abc", "bearer  abc"})
    void authorizationThatIsNotOneBearerTokenIsRefused(String authorization) {
        client.get().uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        assertThat(controller.invocations).hasValue(0);
    }

    @Test
    void twoAuthorizationHeadersAreRefused() {
        client.get().uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.accessToken().sign(),
                        "Bearer " + tokens.accessToken().roles("ADMIN").sign())
                .exchange()
                .expectStatus().isUnauthorized();
        assertThat(controller.invocations).hasValue(0);
    }

    @Test
    void revokedSessionIsRefusedAndNoHandlerRuns() {
        String token = tokens.accessToken().claim("sid", REVOKED_SESSION).sign();

        WebTestClient.BodyContentSpec body = client.get().uri("/api/v1/me")
                .headers(headers -> headers.setBearerAuth(token))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody();
        assertUnauthorizedEnvelope(body);
        assertThat(controller.invocations).hasValue(0);
    }

    @Test
    void insufficientRoleGetsTheForbiddenEnvelope() {
        client.get().uri("/api/v1/admin/reports")
                .headers(headers -> headers.setBearerAuth(tokens.accessToken().roles("TRAINEE", "INSTRUCTOR").sign()))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.data").isEmpty()
                .jsonPath("$.error.code").isEqualTo("FORBIDDEN")
                .jsonPath("$.error.status").isEqualTo(HttpStatus.FORBIDDEN.value())
                .jsonPath("$.error.instance").isEqualTo("/api/v1/admin/reports");
        assertThat(controller.invocations).hasValue(0);
    }

    @Test
    void errorsAreLocalizedForKoreanClients() {
        client.get().uri("/api/v1/me")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "ko-KR,ko;q=0.9")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.error.title").isEqualTo("인증 필요")
                .jsonPath("$.error.code").isEqualTo("UNAUTHORIZED");
    }

    private static void assertUnauthorizedEnvelope(WebTestClient.BodyContentSpec body) {
        body.jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.data").isEmpty()
                .jsonPath("$.error.code").isEqualTo("UNAUTHORIZED")
                .jsonPath("$.error.status").isEqualTo(HttpStatus.UNAUTHORIZED.value())
                .jsonPath("$.error.detail").isEqualTo("A valid access token is required.")
                .jsonPath("$.metadata.requestId").isNotEmpty();
    }

    @RestController
    static class ProbeController {

        final AtomicInteger invocations = new AtomicInteger();

        @GetMapping("/api/v1/me")
        ApiResponse<Map<String, Object>> me(@AuthenticationPrincipal VerifiedAccessToken token) {
            invocations.incrementAndGet();
            return ApiResponse.ok(Map.of("subject", token.subject(), "sessionId", token.sessionId(),
                    "roles", token.roles()));
        }

        @GetMapping("/api/v1/admin/reports")
        ApiResponse<String> reports(@AuthenticationPrincipal VerifiedAccessToken token) {
            invocations.incrementAndGet();
            return ApiResponse.ok("reports for " + token.subject());
        }
    }
}

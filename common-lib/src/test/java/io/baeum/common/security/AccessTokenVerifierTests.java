package io.baeum.common.security;

import io.baeum.testing.MutableClock;
import io.baeum.testing.JwksTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.common.security.InvalidAccessTokenException.Reason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the verifier accepts, how it caches, and how it copes with key rotation and JWKS outages. */
class AccessTokenVerifierTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    private JwksTestServer jwks;
    private TokenMother tokens;
    private TokenVerificationProperties properties;
    private AccessTokenVerifier verifier;

    @BeforeEach
    void setUp() {
        jwks = new JwksTestServer(TokenMother.SIGNING_KEY);
        tokens = new TokenMother(clock, jwks.jwksUri().resolve("/attacker"));
        properties = TokenMother.propertiesFor(jwks.jwksUri());
        verifier = newVerifier(properties);
    }

    @AfterEach
    void tearDown() {
        jwks.close();
    }

    @Test
    void validTokenIsAcceptedWithEveryClaimMapped() {
        Instant now = clock.instant();
        String token = tokens.accessToken()
                .roles("TRAINEE", "INSTRUCTOR")
                .claim("jti", "token-7")
                .claim("idv_at", now.minusSeconds(3600).getEpochSecond())
                .claim("name_hint", "kim")
                .sign();

        StepVerifier.create(verifier.verify(token))
                .assertNext(verified -> {
                    assertThat(verified.subject()).isEqualTo(TokenMother.SUBJECT);
                    assertThat(verified.roles()).containsExactly("TRAINEE", "INSTRUCTOR");
                    assertThat(verified.hasRole("INSTRUCTOR")).isTrue();
                    assertThat(verified.sessionId()).isEqualTo(TokenMother.SESSION_ID);
                    assertThat(verified.tokenId()).isEqualTo("token-7");
                    assertThat(verified.audience()).containsExactly(TokenMother.AUDIENCE, "gateway");
                    assertThat(verified.issuedAt()).isEqualTo(now);
                    assertThat(verified.expiresAt()).isEqualTo(now.plus(Duration.ofMinutes(10)));
                    assertThat(verified.identityVerifiedAt()).isEqualTo(now.minusSeconds(3600));
                    assertThat(verified.claims()).containsEntry("name_hint", "kim");
                })
                .verifyComplete();
    }

    @Test
    void tokenWithoutIdentityVerificationHasNoIdentityVerifiedAt() {
        StepVerifier.create(verifier.verify(tokens.accessToken().sign()))
                .assertNext(verified -> assertThat(verified.identityVerifiedAt()).isNull())
                .verifyComplete();
    }

    @Test
    void singleStringAudienceNamingThisServiceIsAccepted() {
        StepVerifier.create(verifier.verify(tokens.accessToken().claim("aud", TokenMother.AUDIENCE).sign()))
                .assertNext(verified -> assertThat(verified.audience()).containsExactly(TokenMother.AUDIENCE))
                .verifyComplete();
    }

    @Test
    void applicationAtJwtTypeIsAccepted() {
        StepVerifier.create(verifier.verify(tokens.accessToken().header("typ", "application/AT+JWT").sign()))
                .expectNextCount(1)
                .verifyComplete();
    }

    @Test
    void tokenExpiredWithinTheSkewIsAccepted() {
        Instant now = clock.instant();
        String token = tokens.accessToken().issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(29)).sign();

        StepVerifier.create(verifier.verify(token)).expectNextCount(1).verifyComplete();
    }

    @Test
    void tokenNotYetValidWithinTheSkewIsAccepted() {
        Instant now = clock.instant();
        String token = tokens.accessToken().issuedAt(now.plusSeconds(29)).notBefore(now.plusSeconds(29)).sign();

        StepVerifier.create(verifier.verify(token)).expectNextCount(1).verifyComplete();
    }

    @Test
    void repeatedVerificationIsServedFromTheCache() {
        String token = tokens.accessToken().sign();
        VerifiedAccessToken first = verifier.verify(token).block(TIMEOUT);

        StepVerifier.create(verifier.verify(token))
                .assertNext(second -> assertThat(second).isSameAs(first))
                .verifyComplete();
        assertThat(jwks.requests()).isEqualTo(1);
    }

    @Test
    void cachedTokenIsRejectedOnceItExpires() {
        String token = tokens.accessToken().sign();
        StepVerifier.create(verifier.verify(token)).expectNextCount(1).verifyComplete();

        clock.advance(Duration.ofMinutes(10).plusSeconds(30));

        StepVerifier.create(verifier.verify(token))
                .expectErrorSatisfies(error -> assertReason(error, Reason.EXPIRED))
                .verify(TIMEOUT);
    }

    @Test
    void failuresAreNotCached() {
        String forged = tokens.accessToken().signedWith(TokenMother.ATTACKER_KEY,
                JWSAlgorithm.RS256).sign();

        for (int attempt = 0; attempt < 2; attempt++) {
            StepVerifier.create(verifier.verify(forged))
                    .expectErrorSatisfies(error -> assertReason(error, Reason.BAD_SIGNATURE))
                    .verify(TIMEOUT);
        }
    }

    @Test
    void rotatedKeyIsFetchedOnFirstUseOfItsKeyId() {
        StepVerifier.create(verifier.verify(tokens.accessToken().sign())).expectNextCount(1).verifyComplete();
        jwks.serve(TokenMother.SIGNING_KEY, TokenMother.ROTATED_KEY);
        clock.advance(properties.jwksMinRefreshInterval());

        String rotated = tokens.accessToken().keyId("key-2")
                .signedWith(TokenMother.ROTATED_KEY, JWSAlgorithm.RS256).sign();

        StepVerifier.create(verifier.verify(rotated)).expectNextCount(1).verifyComplete();
        assertThat(jwks.requests()).isEqualTo(2);
    }

    @Test
    void unknownKeyIdWithinTheMinimumIntervalIsRejectedWithoutFetching() {
        StepVerifier.create(verifier.verify(tokens.accessToken().sign())).expectNextCount(1).verifyComplete();
        jwks.serve(TokenMother.SIGNING_KEY, TokenMother.ROTATED_KEY);
        clock.advance(properties.jwksMinRefreshInterval().minusSeconds(1));
        String rotated = tokens.accessToken().keyId("key-2")
                .signedWith(TokenMother.ROTATED_KEY, JWSAlgorithm.RS256).sign();

        StepVerifier.create(verifier.verify(rotated))
                .expectErrorSatisfies(error -> assertReason(error, Reason.UNKNOWN_KEY))
                .verify(TIMEOUT);
        assertThat(jwks.requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        StepVerifier.create(verifier.verify(rotated)).expectNextCount(1).verifyComplete();
        assertThat(jwks.requests()).isEqualTo(2);
    }

    @Test
    void floodOfRandomKeyIdsCausesAtMostOneFetchPerMinimumInterval() {
        StepVerifier.create(verifier.verify(tokens.accessToken().sign())).expectNextCount(1).verifyComplete();
        clock.advance(properties.jwksMinRefreshInterval());
        List<String> flood = Flux.range(0, 200)
                .map(i -> tokens.accessToken().keyId(UUID.randomUUID().toString()).sign())
                .collectList().block(TIMEOUT);

        StepVerifier.create(Flux.fromIterable(flood)
                        .flatMap(token -> verifier.verify(token)
                                .map(verified -> "accepted")
                                .onErrorResume(InvalidAccessTokenException.class,
                                        error -> Mono.just(error.reason().name())), 256)
                        .distinct())
                .expectNext(Reason.UNKNOWN_KEY.name())
                .verifyComplete();
        assertThat(jwks.requests()).isEqualTo(2);
    }

    @Test
    void concurrentFirstVerificationsShareOneFetch() {
        List<String> batch = Flux.range(0, 50).map(i -> tokens.accessToken().sign()).collectList().block(TIMEOUT);

        StepVerifier.create(Flux.fromIterable(batch).flatMap(verifier::verify, 64))
                .expectNextCount(50)
                .verifyComplete();
        assertThat(jwks.requests()).isEqualTo(1);
    }

    @Test
    void jwksOutageAfterFirstLoadKeepsTheLastGoodKeys() {
        StepVerifier.create(verifier.verify(tokens.accessToken().sign())).expectNextCount(1).verifyComplete();
        jwks.fail();
        clock.advance(properties.jwksRefreshInterval().plusSeconds(1));

        StepVerifier.create(verifier.verify(tokens.accessToken().sign())).expectNextCount(1).verifyComplete();
        await().atMost(TIMEOUT).until(() -> jwks.requests() == 2);

        clock.advance(properties.jwksMinRefreshInterval());
        StepVerifier.create(verifier.verify(tokens.accessToken().sign())).expectNextCount(1).verifyComplete();
    }

    @Test
    void unknownKeyIdWhileTheJwksHangsIsRejectedAfterTheTimeout() {
        TokenVerificationProperties impatient = new TokenVerificationProperties(jwks.jwksUri(), TokenMother.ISSUER,
                TokenMother.AUDIENCE, Duration.ofSeconds(30), 100, Duration.ofMinutes(5), Duration.ofSeconds(30),
                Duration.ofMillis(500));
        JwksKeySource keys = JwksKeySource.of(WebClient.create(), impatient, clock);
        await().atMost(TIMEOUT).until(() -> {
            clock.advance(impatient.jwksMinRefreshInterval());
            keys.warmUp().block(TIMEOUT);
            return keys.knows(TokenMother.SIGNING_KEY.getKeyID());
        });
        AccessTokenVerifier verifier = new AccessTokenVerifier(keys, impatient, clock);
        jwks.hang();
        clock.advance(impatient.jwksMinRefreshInterval());

        StepVerifier.create(verifier.verify(tokens.accessToken().keyId("key-2").sign()))
                .expectErrorSatisfies(error -> assertReason(error, Reason.UNKNOWN_KEY))
                .verify(TIMEOUT);
        StepVerifier.create(verifier.verify(tokens.accessToken().sign())).expectNextCount(1).verifyComplete();
    }

    @Test
    void failedFirstLoadIsRetriedAfterOneSecondRatherThanTheMinimumInterval() {
        jwks.fail();
        StepVerifier.create(verifier.verify(tokens.accessToken().sign()))
                .expectErrorSatisfies(error -> assertReason(error, Reason.UNKNOWN_KEY))
                .verify(TIMEOUT);
        jwks.serve(TokenMother.SIGNING_KEY);

        StepVerifier.create(verifier.verify(tokens.accessToken().sign()))
                .expectErrorSatisfies(error -> assertReason(error, Reason.UNKNOWN_KEY))
                .verify(TIMEOUT);
        assertThat(jwks.requests()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        StepVerifier.create(verifier.verify(tokens.accessToken().sign())).expectNextCount(1).verifyComplete();
        assertThat(jwks.requests()).isEqualTo(2);
    }

    @Test
    void cachedTokenIsRefusedOnceItsKeyLeavesTheJwks() {
        String token = tokens.accessToken().sign();
        StepVerifier.create(verifier.verify(token)).expectNextCount(1).verifyComplete();
        jwks.serve(TokenMother.ROTATED_KEY);
        clock.advance(properties.jwksMinRefreshInterval());
        String rotated = tokens.accessToken().keyId("key-2")
                .signedWith(TokenMother.ROTATED_KEY, JWSAlgorithm.RS256).sign();
        StepVerifier.create(verifier.verify(rotated)).expectNextCount(1).verifyComplete();

        StepVerifier.create(verifier.verify(token))
                .expectErrorSatisfies(error -> assertReason(error, Reason.UNKNOWN_KEY))
                .verify(TIMEOUT);
    }

    private AccessTokenVerifier newVerifier(TokenVerificationProperties properties) {
        return new AccessTokenVerifier(JwksKeySource.of(WebClient.create(), properties, clock), properties, clock);
    }

    private static void assertReason(Throwable error, Reason reason) {
        assertThat(error).isInstanceOfSatisfying(InvalidAccessTokenException.class,
                invalid -> assertThat(invalid.reason()).isEqualTo(reason));
    }
}

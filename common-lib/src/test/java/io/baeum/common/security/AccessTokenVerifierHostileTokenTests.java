package io.baeum.common.security;

import io.baeum.testing.MutableClock;
import io.baeum.testing.JwksTestServer;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.JWSAlgorithm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.common.security.HostileTokens.HostileToken;

import static org.assertj.core.api.Assertions.assertThat;

/** The forgery matrix against the verifier alone: every case refused, for the right reason. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTokenVerifierHostileTokenTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    private JwksTestServer jwks;
    private JwksTestServer attacker;
    private TokenMother tokens;
    private AccessTokenVerifier verifier;

    @BeforeAll
    void startServers() {
        jwks = new JwksTestServer(TokenMother.SIGNING_KEY);
        attacker = new JwksTestServer(TokenMother.ATTACKER_KEY);
        tokens = new TokenMother(clock, attacker.jwksUri());
    }

    @AfterAll
    void stopServers() {
        jwks.close();
        attacker.close();
    }

    @BeforeEach
    void newVerifier() {
        TokenVerificationProperties properties = TokenMother.propertiesFor(jwks.jwksUri());
        verifier = new AccessTokenVerifier(JwksKeySource.of(WebClient.create(), properties, clock), properties, clock);
    }

    @Test
    void anHonestTokenIsAcceptedInTheSameSetup() {
        StepVerifier.create(verifier.verify(tokens.accessToken().sign()))
                .assertNext(token -> assertThat(token.subject()).isEqualTo(TokenMother.SUBJECT))
                .verifyComplete();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.baeum.common.security.HostileTokens#all")
    void hostileTokenIsRejectedForTheRightReason(HostileToken hostile) {
        String token = hostile.forge().apply(tokens);

        StepVerifier.create(verifier.verify(token))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfSatisfying(InvalidAccessTokenException.class,
                                invalid -> assertThat(invalid.reason()).isEqualTo(hostile.reason())))
                .verify(Duration.ofSeconds(20));
        assertThat(attacker.requests()).as("the attacker's server is never contacted").isZero();
    }

    @Test
    void jkuHeaderIsNeverFollowedEvenWhenTheKeyIdIsUnknownLocally() {
        String token = tokens.accessToken()
                .header("jku", attacker.jwksUri().toString())
                .keyId("attacker-only")
                .signedWith(TokenMother.ATTACKER_KEY, JWSAlgorithm.RS256)
                .sign();

        StepVerifier.create(verifier.verify(token))
                .expectErrorSatisfies(error -> assertThat(((InvalidAccessTokenException) error).reason())
                        .isEqualTo(InvalidAccessTokenException.Reason.FORBIDDEN_HEADER))
                .verify(Duration.ofSeconds(20));
        assertThat(attacker.requests()).isZero();
    }

    @Test
    void nullTokenIsRejectedAsMalformed() {
        StepVerifier.create(verifier.verify(null))
                .expectErrorSatisfies(error -> assertThat(((InvalidAccessTokenException) error).reason())
                        .isEqualTo(InvalidAccessTokenException.Reason.MALFORMED))
                .verify(Duration.ofSeconds(20));
    }
}

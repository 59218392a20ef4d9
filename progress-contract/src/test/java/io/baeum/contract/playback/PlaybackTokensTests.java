package io.baeum.contract.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.baeum.common.security.InvalidAccessTokenException;
import io.baeum.common.security.InvalidAccessTokenException.Reason;
import io.baeum.common.security.JwksKeySource;
import io.baeum.testing.JwksTestServer;
import reactor.test.StepVerifier;

class PlaybackTokensTests {

    static final String ISSUER = "baeum-learning";
    static final String AUDIENCE = "baeum-heartbeat";
    static final Clock AT_ISSUE = Clock.fixed(PlaybackGrants.ISSUED.plusSeconds(5), ZoneOffset.UTC);

    static RSAKey learningKey;
    static JwksTestServer jwks;
    static PlaybackTokenSigner signer;
    static PlaybackTokenVerifier verifier;

    @BeforeAll
    static void keys() throws IOException, ParseException {
        learningKey = RSAKey.parse(new ClassPathResource("playback/learning-test-key.jwk.json")
                .getContentAsString(StandardCharsets.UTF_8));
        jwks = new JwksTestServer(learningKey);
        signer = new PlaybackTokenSigner(learningKey, ISSUER, AUDIENCE);
        verifier = verifierAt(AT_ISSUE);
    }

    @AfterAll
    static void stop() {
        jwks.close();
    }

    static PlaybackTokenVerifier verifierAt(Clock clock) {
        JwksKeySource keys = new JwksKeySource(WebClient.create(), jwks.jwksUri(), Duration.ofMinutes(5),
                Duration.ofSeconds(30), Duration.ofSeconds(10), clock);
        return new PlaybackTokenVerifier(keys, ISSUER, AUDIENCE, Duration.ofSeconds(30), clock);
    }

    @Test
    void theDocumentedGoldenGrantIsExactlyWhatTheSignerProducesAndVerifiesBack() throws IOException {
        String documented = goldenVector();

        assertThat(signer.sign(PlaybackGrants.golden())).isEqualTo(documented);
        StepVerifier.create(verifier.verifyGrant(documented))
                .expectNext(PlaybackGrants.golden())
                .verifyComplete();
    }

    @Test
    void aTimeModeGrantWithoutChecksRoundTrips() {
        StepVerifier.create(verifier.verifyGrant(signer.sign(PlaybackGrants.timeModeWithoutChecks())))
                .expectNext(PlaybackGrants.timeModeWithoutChecks())
                .verifyComplete();
    }

    @Test
    void aCuePassRoundTripsAndIsNotAcceptedAsAGrant() {
        CuePass pass = new CuePass("pass-1", "acct-42", "enr-7", "lsn-12", "cue-b", PlaybackGrants.ISSUED,
                PlaybackGrants.ISSUED.plusSeconds(600));
        String token = signer.sign(pass);

        StepVerifier.create(verifier.verifyCuePass(token)).expectNext(pass).verifyComplete();
        expectRefused(verifier.verifyGrant(token), Reason.WRONG_TYPE);
        expectRefused(verifier.verifyCuePass(signer.sign(PlaybackGrants.golden())), Reason.WRONG_TYPE);
    }

    @Test
    void anExpiredGrantIsRefused() {
        Clock later = Clock.fixed(PlaybackGrants.ISSUED.plusSeconds(300 + 31), ZoneOffset.UTC);
        expectRefused(verifierAt(later).verifyGrant(signer.sign(PlaybackGrants.golden())), Reason.EXPIRED);
    }

    @Test
    void aGrantForAnotherAudienceOrIssuerIsRefused() {
        expectRefused(verifier.verifyGrant(new PlaybackTokenSigner(learningKey, ISSUER, "baeum-exam")
                .sign(PlaybackGrants.golden())), Reason.WRONG_AUDIENCE);
        expectRefused(verifier.verifyGrant(new PlaybackTokenSigner(learningKey, "baeum-auth", AUDIENCE)
                .sign(PlaybackGrants.golden())), Reason.WRONG_ISSUER);
    }

    @Test
    void aGrantSignedByAKeyLearningDoesNotPublishIsRefused() throws Exception {
        RSAKey forger = new RSAKeyGenerator(2048).keyID("forger").generate();
        expectRefused(verifier.verifyGrant(new PlaybackTokenSigner(forger, ISSUER, AUDIENCE)
                .sign(PlaybackGrants.golden())), Reason.UNKNOWN_KEY);
        RSAKey sameKidOtherKey = new RSAKeyGenerator(2048).keyID(learningKey.getKeyID()).generate();
        expectRefused(verifier.verifyGrant(new PlaybackTokenSigner(sameKidOtherKey, ISSUER, AUDIENCE)
                .sign(PlaybackGrants.golden())), Reason.BAD_SIGNATURE);
    }

    @Test
    void aTamperedGrantIsRefused() {
        String[] parts = signer.sign(PlaybackGrants.golden()).split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"maxRate\":1.5", "\"maxRate\":4.0");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        expectRefused(verifier.verifyGrant(tampered), Reason.BAD_SIGNATURE);
    }

    @Test
    void aSignedGrantThatBreaksTheClaimContractIsRefusedWithTheRightReason() throws Exception {
        JWTClaimsSet valid = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("acct-42")
                .jwtID("g").issueTime(Date.from(PlaybackGrants.ISSUED))
                .expirationTime(Date.from(PlaybackGrants.ISSUED.plusSeconds(300))).build();
        expectRefused(verifier.verifyGrant(signRaw(valid)), Reason.MISSING_CLAIM);

        JWTClaimsSet golden = SignedJWT.parse(signer.sign(PlaybackGrants.golden())).getJWTClaimsSet();
        @SuppressWarnings("unchecked")
        var policy = new java.util.LinkedHashMap<String, Object>((java.util.Map<String, Object>) golden.getClaim("policy"));
        policy.put("credit", "WHATEVER_PLEASES_ME");
        expectRefused(verifier.verifyGrant(signRaw(new JWTClaimsSet.Builder(golden).claim("policy", policy).build())),
                Reason.INVALID_CLAIM);
        policy.put("credit", "COVERAGE");
        policy.put("maxRate", 16);
        expectRefused(verifier.verifyGrant(signRaw(new JWTClaimsSet.Builder(golden).claim("policy", policy).build())),
                Reason.INVALID_CLAIM);
    }

    private static String signRaw(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType(PlaybackTokenVerifier.GRANT_TYPE)).keyID(learningKey.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(learningKey));
        return jwt.serialize();
    }

    private static void expectRefused(reactor.core.publisher.Mono<?> verification, Reason reason) {
        StepVerifier.create(verification)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(InvalidAccessTokenException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason)))
                .verify();
    }

    /** The vector in docs/playback-grant.md, so the doc and the code cannot drift apart. */
    static String goldenVector() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "playback-grant.md"));
        Matcher matcher = Pattern.compile("```jwt\\s*\\n([A-Za-z0-9_.-]+)\\s*\\n```").matcher(doc);
        assertThat(matcher.find()).as("docs/playback-grant.md has a ```jwt block").isTrue();
        return matcher.group(1);
    }
}

package io.baeum.heartbeat.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.baeum.contract.playback.CuePass;
import io.baeum.contract.playback.PlaybackGrant;
import io.baeum.contract.playback.PlaybackTokenSigner;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.JwksTestServer;

/**
 * Test keys of auth-service (access tokens) and learning-service (grants, cue passes), served as JWKS,
 * and the properties pointing the service at them and at the test's infrastructure.
 */
public final class TestTokens implements AutoCloseable {

    public static final String AUTH_ISSUER = "https://auth.baeum.local";
    public static final String LEARNING_ISSUER = "baeum-learning";
    /** Audience of grants and cue passes (learning-service → heartbeat-service). */
    public static final String AUDIENCE = "baeum-heartbeat";
    /** Audience of access tokens: the service's name, as auth-service issues it. */
    public static final String ACCESS_AUDIENCE = "heartbeat-service";
    /** Test-only HMAC key of the progress envelope. */
    public static final String PROGRESS_KEY_ID = "test-1";
    public static final String PROGRESS_KEY_SECRET = "dGVzdC1vbmx5LXByb2dyZXNzLWtleS0zMi1ieXRlcy1sb25nIQ==";

    private static final RSAKey AUTH_KEY = generate("auth-test");
    private static final RSAKey LEARNING_KEY = generate("learning-test");
    private static final RSAKey FORGER_KEY = generate("learning-test");

    private final JwksTestServer authJwks = new JwksTestServer(AUTH_KEY);
    private final JwksTestServer learningJwks = new JwksTestServer(LEARNING_KEY);
    private final PlaybackTokenSigner learning = new PlaybackTokenSigner(LEARNING_KEY, LEARNING_ISSUER, AUDIENCE);
    private final PlaybackTokenSigner forger = new PlaybackTokenSigner(FORGER_KEY, LEARNING_ISSUER, AUDIENCE);

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers infrastructure, JWKS and emission properties. */
    public void register(DynamicPropertyRegistry registry, BaeumInfrastructure infra) {
        infra.registerProperties(registry);
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The service's properties for these keys and quick emission (no infrastructure). */
    public java.util.Map<String, String> properties() {
        return java.util.Map.of(
                "baeum.security.token.jwks-uri", authJwks.jwksUri().toString(),
                "baeum.heartbeat.grants.jwks-uri", learningJwks.jwksUri().toString(),
                "baeum.heartbeat.emission.key-id", PROGRESS_KEY_ID,
                "baeum.heartbeat.emission.key-secret", PROGRESS_KEY_SECRET,
                "baeum.heartbeat.emission.flush-interval", "50ms",
                "baeum.heartbeat.emission.claim-idle", "1s",
                "baeum.heartbeat.emission.send-timeout", "2s");
    }

    /** An access token of {@code account} in login session {@code sid}, valid from the clock's now. */
    public String accessToken(Clock clock, String account, String sid) {
        return accessToken(clock, account, sid, null);
    }

    public String accessToken(Clock clock, String account, String sid, Instant identityVerifiedAt) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(AUTH_ISSUER).audience(ACCESS_AUDIENCE).subject(account)
                .claim("sid", sid).jwtID(UUID.randomUUID().toString()).claim("roles", List.of("TRAINEE"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
        if (identityVerifiedAt != null) {
            claims.claim("idv_at", identityVerifiedAt.getEpochSecond());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(AUTH_KEY.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(AUTH_KEY));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public String grant(PlaybackGrant grant) {
        return learning.sign(grant);
    }

    /** Signed with a key of the same id that learning-service never published. */
    public String forgedGrant(PlaybackGrant grant) {
        return forger.sign(grant);
    }

    public String cuePass(CuePass pass) {
        return learning.sign(pass);
    }

    public String forgedCuePass(CuePass pass) {
        return forger.sign(pass);
    }

    @Override
    public void close() {
        authJwks.close();
        learningJwks.close();
    }
}

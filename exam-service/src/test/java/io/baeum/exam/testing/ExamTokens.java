package io.baeum.exam.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.baeum.testing.JwksTestServer;
import io.baeum.testing.TestAccessTokens;

/**
 * Access tokens as auth-service issues them, on the test's clock (a test that moves the clock issues
 * tokens valid at the moved time), with an {@code idv_at} claim when the trainee passed 본인인증.
 */
public final class ExamTokens implements AutoCloseable {

    private final RSAKey key = TestAccessTokens.generate("exam-test-" + UUID.randomUUID());
    private final JwksTestServer jwks = new JwksTestServer(key);
    private final Clock clock;

    public ExamTokens(Clock clock) {
        this.clock = clock;
    }

    public String jwksUri() {
        return jwks.jwksUri().toString();
    }

    /** A trainee who verified their identity just now. */
    public String trainee(String subject) {
        return token(subject, List.of("TRAINEE"), clock.instant());
    }

    public String traineeVerifiedAt(String subject, @Nullable Instant identityVerifiedAt) {
        return token(subject, List.of("TRAINEE"), identityVerifiedAt);
    }

    public String instructor(String subject) {
        return token(subject, List.of("INSTRUCTOR"), null);
    }

    public String admin(String subject) {
        return token(subject, List.of("ADMIN"), null);
    }

    public String token(String subject, List<String> roles, @Nullable Instant identityVerifiedAt) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(TestAccessTokens.ISSUER).audience("exam-service").subject(subject)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("sid", "session-" + subject).claim("roles", roles);
        if (identityVerifiedAt != null) {
            claims.claim("idv_at", identityVerifiedAt.getEpochSecond());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(key.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    public void close() {
        jwks.close();
    }
}

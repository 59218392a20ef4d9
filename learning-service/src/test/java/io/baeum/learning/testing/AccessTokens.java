package io.baeum.learning.testing;

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

import io.baeum.testing.JwksTestServer;

/** Access tokens as auth-service issues them, signed in the test, with the JWKS served locally. */
public final class AccessTokens implements AutoCloseable {

    public static final String ISSUER = "https://auth.baeum.local";
    public static final String AUDIENCE = "learning-service";

    private final RSAKey key;
    private final JwksTestServer jwks;

    public AccessTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("auth-test-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        jwks = new JwksTestServer(key);
    }

    public String jwksUri() {
        return jwks.jwksUri().toString();
    }

    public String trainee(String subject) {
        return token(subject, List.of("TRAINEE"), Instant.now());
    }

    public String traineeWithoutIdentityCheck(String subject) {
        return token(subject, List.of("TRAINEE"), null);
    }

    public String admin(String subject) {
        return token(subject, List.of("ADMIN"), null);
    }

    public String instructor(String subject) {
        return token(subject, List.of("INSTRUCTOR"), null);
    }

    public String token(String subject, List<String> roles, Instant identityVerifiedAt) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
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

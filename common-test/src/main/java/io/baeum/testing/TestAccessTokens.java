package io.baeum.testing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

/**
 * auth-service's part in a test: an RSA signing key published by a {@link JwksTestServer}, and access
 * tokens shaped exactly as auth-service issues them (RS256, {@code typ at+jwt}, iss, aud, sub, sid,
 * roles, jti, iat, exp). {@link #token(String)} starts an honest token; its setters make it dishonest.
 */
public final class TestAccessTokens implements AutoCloseable {

    public static final String ISSUER = "https://auth.baeum.local";

    private final RSAKey key = generate("auth-test-key");
    private final JwksTestServer jwks = new JwksTestServer(key);
    private final Clock clock;

    public TestAccessTokens(Clock clock) {
        this.clock = clock;
    }

    public URI jwksUri() {
        return jwks.jwksUri();
    }

    public JwksTestServer jwks() {
        return jwks;
    }

    /** The published key (public and private halves). */
    public RSAKey key() {
        return key;
    }

    /** A ten-minute TRAINEE token of {@code subject} in a fresh login session, for {@code audience}. */
    public Token token(String subject) {
        return new Token(subject);
    }

    public static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        jwks.close();
    }

    /** An access token under construction. */
    public final class Token {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private JOSEObjectType type = new JOSEObjectType("at+jwt");
        private RSAKey signingKey = key;
        private Instant issuedAt = clock.instant();
        private Duration lifetime = Duration.ofMinutes(10);
        private String issuer = ISSUER;
        private List<String> audience = List.of("gateway", "auth-service", "learning-service", "heartbeat-service",
                "exam-service", "billing-service", "rag-service");

        private Token(String subject) {
            claims.put("sub", subject);
            claims.put("sid", UUID.randomUUID().toString());
            claims.put("roles", List.of("TRAINEE"));
        }

        public Token roles(String... roles) {
            claims.put("roles", List.of(roles));
            return this;
        }

        public Token session(String sid) {
            claims.put("sid", sid);
            return this;
        }

        public Token audience(String... audience) {
            this.audience = List.of(audience);
            return this;
        }

        public Token issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Token type(String type) {
            this.type = new JOSEObjectType(type);
            return this;
        }

        public Token issuedAt(Instant issuedAt) {
            this.issuedAt = issuedAt;
            return this;
        }

        public Token lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** Signs with another key (e.g. one the JWKS never published). */
        public Token signedWith(RSAKey other) {
            this.signingKey = other;
            return this;
        }

        public String sign() {
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder()
                    .issuer(issuer).audience(audience).jwtID(UUID.randomUUID().toString())
                    .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime)));
            claims.forEach(set::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(type)
                    .keyID(signingKey.getKeyID()).build(), set.build());
            try {
                jwt.sign(new RSASSASigner(signingKey));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}

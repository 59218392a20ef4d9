package io.baeum.common.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;

/** Builds access tokens, honest and forged, signed in the test with nimbus. */
final class TokenMother {

    static final String ISSUER = "https://auth.baeum.test";
    static final String AUDIENCE = "heartbeat-service";
    static final String SUBJECT = "user-42";
    static final String SESSION_ID = "session-1";

    /** The key auth-service signs with. */
    static final RSAKey SIGNING_KEY = rsaKey("key-1");
    /** The key auth-service rotates to. */
    static final RSAKey ROTATED_KEY = rsaKey("key-2");
    /** An attacker's key, claiming the real key's id. */
    static final RSAKey ATTACKER_KEY = rsaKey("key-1");
    static final ECKey EC_KEY = ecKey("key-1");

    private final Clock clock;
    private final URI attackerUri;

    /**
     * Verification properties for the test JWKS at {@code jwksUri}: the defaults, except a JWKS timeout
     * generous enough for a loaded build machine.
     */
    static TokenVerificationProperties propertiesFor(URI jwksUri) {
        return new TokenVerificationProperties(jwksUri, ISSUER, AUDIENCE, Duration.ofSeconds(30), 10_000,
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(15));
    }

    /**
     * @param clock       "now" for iat and exp
     * @param attackerUri a server the attacker controls, for jku/x5u headers
     */
    TokenMother(Clock clock, URI attackerUri) {
        this.clock = clock;
        this.attackerUri = attackerUri;
    }

    Instant now() {
        return clock.instant();
    }

    URI attackerUri() {
        return attackerUri;
    }

    /** An honest access token: signed by {@link #SIGNING_KEY}, valid for ten minutes from now. */
    Token accessToken() {
        return new Token(clock.instant());
    }

    /** A token under construction; every setter returns {@code this}. */
    static final class Token {

        private final Map<String, Object> header = new LinkedHashMap<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private JWSAlgorithm signingAlgorithm = JWSAlgorithm.RS256;
        private JWSSigner signer;

        private Token(Instant now) {
            header.put("alg", "RS256");
            header.put("typ", "at+jwt");
            header.put("kid", SIGNING_KEY.getKeyID());
            claims.put("iss", ISSUER);
            claims.put("aud", List.of(AUDIENCE, "gateway"));
            claims.put("sub", SUBJECT);
            claims.put("roles", List.of("TRAINEE"));
            claims.put("sid", SESSION_ID);
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.plus(Duration.ofMinutes(10)).getEpochSecond());
            signer = rsaSigner(SIGNING_KEY);
        }

        Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        Token without(String claim) {
            claims.remove(claim);
            return this;
        }

        Token issuedAt(Instant instant) {
            return claim("iat", instant.getEpochSecond());
        }

        Token expiresAt(Instant instant) {
            return claim("exp", instant.getEpochSecond());
        }

        Token notBefore(Instant instant) {
            return claim("nbf", instant.getEpochSecond());
        }

        Token roles(String... roles) {
            return claim("roles", List.of(roles));
        }

        Token header(String name, Object value) {
            header.put(name, value);
            return this;
        }

        Token withoutHeader(String name) {
            header.remove(name);
            return this;
        }

        Token keyId(String kid) {
            return header("kid", kid);
        }

        /** Signs with {@code key} (RSA or EC) under {@code algorithm}, and says so in the header. */
        Token signedWith(JWK key, JWSAlgorithm algorithm) {
            header.put("alg", algorithm.getName());
            signingAlgorithm = algorithm;
            signer = key instanceof ECKey ec ? ecSigner(ec) : rsaSigner((RSAKey) key);
            return this;
        }

        /** Signs with HMAC-SHA256 under {@code secret}, and says so in the header. */
        Token hmacSignedWith(byte[] secret) {
            header.put("alg", "HS256");
            signingAlgorithm = JWSAlgorithm.HS256;
            try {
                signer = new MACSigner(secret);
            }
            catch (JOSEException ex) {
                throw new IllegalStateException(ex);
            }
            return this;
        }

        /** The compact serialization, signed unless {@code alg} says {@code none}. */
        String sign() {
            String signingInput = encode(header) + "." + encode(claims);
            if ("none".equalsIgnoreCase(String.valueOf(header.get("alg")))) {
                return signingInput + ".";
            }
            try {
                Base64URL signature = signer.sign(new JWSHeader(signingAlgorithm),
                        signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + signature;
            }
            catch (JOSEException ex) {
                throw new IllegalStateException(ex);
            }
        }

        private static String encode(Map<String, Object> json) {
            return Base64URL.encode(JSONObjectUtils.toJSONString(json)).toString();
        }
    }

    private static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static ECKey ecKey(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JWSSigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static JWSSigner ecSigner(ECKey key) {
        try {
            return new ECDSASigner(key);
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

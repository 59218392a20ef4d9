package io.baeum.common.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.Base64URL;

import io.baeum.common.security.InvalidAccessTokenException.Reason;

/**
 * The forgery matrix (SECURITY.md G1–G4): tokens every Baeum service must refuse, each with the
 * reason it must be refused for. Times are relative to the mother's clock; the verifier under test
 * uses a 30-second clock skew.
 */
final class HostileTokens {

    /** A forged or unacceptable token and why it must be refused. */
    record HostileToken(String name, Function<TokenMother, String> forge, Reason reason) {
        @Override
        public String toString() {
            return name + " → " + reason;
        }
    }

    private HostileTokens() {
    }

    static Stream<HostileToken> all() {
        return Stream.of(
                // G1 algorithm pinning
                hostile("alg none, unsigned", m -> m.accessToken().header("alg", "none").sign(),
                        Reason.UNSUPPORTED_ALGORITHM),
                hostile("alg NoNe, unsigned", m -> m.accessToken().header("alg", "NoNe").sign(),
                        Reason.UNSUPPORTED_ALGORITHM),
                hostile("alg none with a signature attached", m -> withSignatureOf(
                        m.accessToken().header("alg", "none").sign(), m.accessToken().sign()),
                        Reason.UNSUPPORTED_ALGORITHM),
                hostile("no alg header", m -> m.accessToken().withoutHeader("alg").sign(), Reason.UNSUPPORTED_ALGORITHM),
                hostile("HS256 keyed with the RSA public key (DER)",
                        m -> m.accessToken().hmacSignedWith(publicKeyDer()).sign(), Reason.UNSUPPORTED_ALGORITHM),
                hostile("HS256 keyed with the RSA public key (PEM)",
                        m -> m.accessToken().hmacSignedWith(publicKeyPem()).sign(), Reason.UNSUPPORTED_ALGORITHM),
                hostile("HS256 keyed with the JWKS entry",
                        m -> m.accessToken().hmacSignedWith(TokenMother.SIGNING_KEY.toPublicJWK().toJSONString()
                                .getBytes(StandardCharsets.UTF_8)).sign(), Reason.UNSUPPORTED_ALGORITHM),
                hostile("RS512 with the real key", m -> m.accessToken()
                        .signedWith(TokenMother.SIGNING_KEY, JWSAlgorithm.RS512).sign(), Reason.UNSUPPORTED_ALGORITHM),
                hostile("PS256 with the real key", m -> m.accessToken()
                        .signedWith(TokenMother.SIGNING_KEY, JWSAlgorithm.PS256).sign(), Reason.UNSUPPORTED_ALGORITHM),
                hostile("ES256 with an EC key", m -> m.accessToken()
                        .signedWith(TokenMother.EC_KEY, JWSAlgorithm.ES256).sign(), Reason.UNSUPPORTED_ALGORITHM),
                hostile("alg rs256 in lower case", m -> m.accessToken().header("alg", "rs256").sign(),
                        Reason.UNSUPPORTED_ALGORITHM),
                hostile("JWE-shaped token", m -> jweShaped(), Reason.UNSUPPORTED_ALGORITHM),

                // G2 keys only from the configured JWKS
                hostile("jku pointing at the attacker's JWKS", m -> m.accessToken()
                        .header("jku", m.attackerUri().toString())
                        .signedWith(TokenMother.ATTACKER_KEY, JWSAlgorithm.RS256).sign(), Reason.FORBIDDEN_HEADER),
                hostile("x5u pointing at the attacker", m -> m.accessToken()
                        .header("x5u", m.attackerUri().toString())
                        .signedWith(TokenMother.ATTACKER_KEY, JWSAlgorithm.RS256).sign(), Reason.FORBIDDEN_HEADER),
                hostile("jwk header embedding the attacker's key", m -> m.accessToken()
                        .header("jwk", TokenMother.ATTACKER_KEY.toPublicJWK().toJSONObject())
                        .signedWith(TokenMother.ATTACKER_KEY, JWSAlgorithm.RS256).sign(), Reason.FORBIDDEN_HEADER),
                hostile("x5c header", m -> m.accessToken()
                        .header("x5c", List.of(Base64.getEncoder().encodeToString("not a cert".getBytes(StandardCharsets.UTF_8))))
                        .signedWith(TokenMother.ATTACKER_KEY, JWSAlgorithm.RS256).sign(), Reason.FORBIDDEN_HEADER),
                hostile("crit header", m -> m.accessToken().header("crit", List.of("exp")).sign(),
                        Reason.FORBIDDEN_HEADER),
                hostile("no kid", m -> m.accessToken().withoutHeader("kid").sign(), Reason.UNKNOWN_KEY),
                hostile("unknown kid", m -> m.accessToken().keyId("no-such-key").sign(), Reason.UNKNOWN_KEY),
                hostile("attacker's key under the real kid", m -> m.accessToken()
                        .signedWith(TokenMother.ATTACKER_KEY, JWSAlgorithm.RS256).sign(), Reason.BAD_SIGNATURE),
                hostile("payload changed after signing", m -> withSignatureOf(
                        m.accessToken().roles("ADMIN").sign(), m.accessToken().sign()), Reason.BAD_SIGNATURE),
                hostile("signature stripped", m -> stripSignature(m.accessToken().sign()), Reason.MALFORMED),

                // G4 token type
                hostile("refresh token (typ rt+jwt)", m -> m.accessToken().header("typ", "rt+jwt").sign(),
                        Reason.WRONG_TYPE),
                hostile("no typ", m -> m.accessToken().withoutHeader("typ").sign(), Reason.WRONG_TYPE),
                hostile("typ JWT (an ID token or other JWT)", m -> m.accessToken().header("typ", "JWT").sign(),
                        Reason.WRONG_TYPE),

                // G3 issuer, audience, lifetime
                hostile("wrong issuer", m -> m.accessToken().claim("iss", "https://evil.test").sign(),
                        Reason.WRONG_ISSUER),
                hostile("issuer with a trailing slash", m -> m.accessToken().claim("iss", TokenMother.ISSUER + "/").sign(),
                        Reason.WRONG_ISSUER),
                hostile("no issuer", m -> m.accessToken().without("iss").sign(), Reason.WRONG_ISSUER),
                hostile("audience of another service", m -> m.accessToken().claim("aud", "billing-service").sign(),
                        Reason.WRONG_AUDIENCE),
                hostile("no audience", m -> m.accessToken().without("aud").sign(), Reason.WRONG_AUDIENCE),
                hostile("expired beyond the skew", m -> expiredBy(m, Duration.ofSeconds(1)), Reason.EXPIRED),
                hostile("nbf beyond the skew", m -> m.accessToken()
                        .notBefore(m.now().plusSeconds(31)).sign(), Reason.NOT_YET_VALID),
                hostile("iat beyond the skew", m -> m.accessToken()
                        .issuedAt(m.now().plusSeconds(120)).sign(), Reason.NOT_YET_VALID),
                hostile("no exp", m -> m.accessToken().without("exp").sign(), Reason.MISSING_CLAIM),
                hostile("no iat", m -> m.accessToken().without("iat").sign(), Reason.MISSING_CLAIM),
                hostile("no sub", m -> m.accessToken().without("sub").sign(), Reason.MISSING_CLAIM),
                hostile("no sid", m -> m.accessToken().without("sid").sign(), Reason.MISSING_CLAIM),
                hostile("no jti", m -> m.accessToken().without("jti").sign(), Reason.MISSING_CLAIM),
                hostile("no roles", m -> m.accessToken().without("roles").sign(), Reason.MISSING_CLAIM),
                hostile("roles as a string", m -> m.accessToken().claim("roles", "ADMIN").sign(), Reason.INVALID_CLAIM),
                hostile("sid as a number", m -> m.accessToken().claim("sid", 42).sign(), Reason.INVALID_CLAIM),
                hostile("idv_at as a string", m -> m.accessToken().claim("idv_at", "yesterday").sign(),
                        Reason.INVALID_CLAIM),
                hostile("exp as a string", m -> m.accessToken().claim("exp", "tomorrow").sign(), Reason.MALFORMED),

                // not a JWS at all
                hostile("empty string", m -> "", Reason.MALFORMED),
                hostile("three dots", m -> "...", Reason.MALFORMED),
                hostile("two dots", m -> "..", Reason.MALFORMED),
                hostile("garbage", m -> "not-a-jwt", Reason.MALFORMED),
                hostile("a.b.c", m -> "a.b.c", Reason.MALFORMED),
                hostile("header that is not JSON", m -> Base64URL.encode("hello") + ".e30.c2ln", Reason.MALFORMED),
                hostile("four parts", m -> m.accessToken().sign() + ".extra", Reason.MALFORMED),
                hostile("oversized", m -> m.accessToken().claim("pad", "x".repeat(AccessTokenVerifier.MAX_TOKEN_LENGTH))
                        .sign(), Reason.MALFORMED));
    }

    private static HostileToken hostile(String name, Function<TokenMother, String> forge, Reason reason) {
        return new HostileToken(name, forge, reason);
    }

    private static String expiredBy(TokenMother mother, Duration beyondSkew) {
        Instant now = mother.now();
        return mother.accessToken().issuedAt(now.minusSeconds(600)).expiresAt(now.minusSeconds(30).minus(beyondSkew))
                .sign();
    }

    /** {@code token}'s header and payload with {@code donor}'s signature. */
    private static String withSignatureOf(String token, String donor) {
        String[] parts = token.split("\\.", -1);
        return parts[0] + "." + parts[1] + "." + donor.substring(donor.lastIndexOf('.') + 1);
    }

    private static String stripSignature(String token) {
        return token.substring(0, token.lastIndexOf('.') + 1);
    }

    private static String jweShaped() {
        String header = Base64URL.encode("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\",\"typ\":\"at+jwt\",\"kid\":\"key-1\"}")
                .toString();
        return header + ".a2V5.aXY.Y2lwaGVy.dGFn";
    }

    private static byte[] publicKeyDer() {
        try {
            return TokenMother.SIGNING_KEY.toRSAPublicKey().getEncoded();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] publicKeyPem() {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKeyDer())
                + "\n-----END PUBLIC KEY-----\n";
        return pem.getBytes(StandardCharsets.US_ASCII);
    }
}

package io.baeum.auth.token;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Object Mother of access tokens, honest or forged, made with auth's real signing key or an attacker's. */
final class ForgedTokens {

    static final RSAKey ATTACKER = generate();

    private final RSAKey realKey;
    private final String issuer;
    private final String subject;
    private final String sessionId;

    ForgedTokens(RSAKey realKey, String issuer, String subject, String sessionId) {
        this.realKey = realKey;
        this.issuer = issuer;
        this.subject = subject;
        this.sessionId = sessionId;
    }

    JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(List.of("auth-service", "gateway"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString()).claim("sid", sessionId).claim("roles", List.of("TRAINEE", "ADMIN"));
    }

    JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt")).keyID(realKey.getKeyID());
    }

    String sign(JWSHeader.Builder header, JWTClaimsSet.Builder claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(header.build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    String honest() {
        return sign(header(), claims(), realKey);
    }

    String withClaims(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = claims();
        change.accept(claims);
        return sign(header(), claims, realKey);
    }

    String withHeader(Consumer<JWSHeader.Builder> change) {
        JWSHeader.Builder header = header();
        change.accept(header);
        return sign(header, claims(), realKey);
    }

    String algNone() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + realKey.getKeyID() + "\"}");
        return header + "." + b64(claims().build().toString()) + ".";
    }

    String hs256WithThePublicKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(new JOSEObjectType("at+jwt"))
                    .keyID(realKey.getKeyID()).build(), claims().build());
            jwt.sign(new MACSigner(realKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    String rs512WithTheRealKey() {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS512).type(new JOSEObjectType("at+jwt"))
                .keyID(realKey.getKeyID()), claims(), realKey);
    }

    String payloadSwapped() {
        String honest = honest();
        String other = withClaims(c -> c.subject(UUID.randomUUID().toString()));
        String[] a = honest.split("\\.");
        String[] b = other.split("\\.");
        return a[0] + "." + b[1] + "." + a[2];
    }

    private static JWSHeader.Builder rebuild(JWSHeader.Builder builder) {
        return builder;
    }

    static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Map<String, Object> attackerJwk() {
        return ATTACKER.toPublicJWK().toJSONObject();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("attacker").generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

package io.baeum.common.security;

import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.jspecify.annotations.Nullable;

import io.baeum.common.security.InvalidAccessTokenException.Reason;

/**
 * A JWT whose signature, type, issuer, audience and lifetime {@link SignedJwtVerifier} accepted,
 * with typed accessors that refuse missing or mistyped claims ({@code MISSING_CLAIM},
 * {@code INVALID_CLAIM}).
 *
 * @param keyId     the {@code kid} that signed it
 * @param claims    all claims
 * @param audience  the {@code aud} values
 * @param issuedAt  {@code iat}
 * @param expiresAt {@code exp}
 */
public record VerifiedJwt(String keyId, JWTClaimsSet claims, List<String> audience, Instant issuedAt,
                          Instant expiresAt) {

    /** A required non-blank string claim. */
    public String text(String name) {
        Object value = claims.getClaim(name);
        if (value == null) {
            throw SignedJwtVerifier.invalid(Reason.MISSING_CLAIM, "no " + name);
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw SignedJwtVerifier.invalid(Reason.INVALID_CLAIM, name + " is not a non-blank string");
        }
        return text;
    }

    /** A required list of non-blank strings. */
    public List<String> textList(String name) {
        List<String> values;
        try {
            values = claims.getStringListClaim(name);
        }
        catch (ParseException ex) {
            throw SignedJwtVerifier.invalid(Reason.INVALID_CLAIM, name + " is not a list of strings");
        }
        if (values == null) {
            throw SignedJwtVerifier.invalid(Reason.MISSING_CLAIM, "no " + name);
        }
        if (values.stream().anyMatch(value -> value == null || value.isBlank())) {
            throw SignedJwtVerifier.invalid(Reason.INVALID_CLAIM, "blank entry in " + name);
        }
        return List.copyOf(values);
    }

    /** An optional epoch-seconds claim. */
    public @Nullable Instant optionalEpochSeconds(String name) {
        Object value = claims.getClaim(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number seconds)) {
            throw SignedJwtVerifier.invalid(Reason.INVALID_CLAIM, name + " is not a number");
        }
        return Instant.ofEpochSecond(seconds.longValue());
    }

    /** A required JSON-object claim, as nimbus parsed it. */
    public Map<String, Object> object(String name) {
        try {
            Map<String, Object> value = claims.getJSONObjectClaim(name);
            if (value == null) {
                throw SignedJwtVerifier.invalid(Reason.MISSING_CLAIM, "no " + name);
            }
            return value;
        }
        catch (ParseException ex) {
            throw SignedJwtVerifier.invalid(Reason.INVALID_CLAIM, name + " is not an object");
        }
    }
}

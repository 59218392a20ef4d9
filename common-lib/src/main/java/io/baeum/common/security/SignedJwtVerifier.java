package io.baeum.common.security;

import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baeum.common.security.InvalidAccessTokenException.Reason;

/**
 * The checks every Baeum JWT gets, whatever it carries (access tokens, playback grants, cue passes):
 * a compact JWS no longer than 8 KiB; {@code alg} exactly {@code RS256}; none of the {@code jku},
 * {@code x5u}, {@code jwk}, {@code x5c}, {@code crit} headers; the expected {@code typ}; a {@code kid}
 * of the configured JWKS; a verifying signature; {@code iss} exactly the issuer; {@code aud}
 * containing the audience; {@code exp} and {@code iat} present, {@code exp} not passed and
 * {@code nbf}/{@code iat} reached, within the clock skew. The first failed check is reported as an
 * {@link InvalidAccessTokenException} with its reason. Never blocks: keys come from
 * {@link JwksKeySource}.
 */
public final class SignedJwtVerifier {

    /** Longer strings are not looked at: the tokens Baeum issues are well under 2 KiB. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private static final int MAX_KEY_ID_LENGTH = 256;
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("jku", "x5u", "jwk", "x5c", "crit");

    private final JwksKeySource keys;
    private final String type;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;

    /**
     * @param keys      where signing keys come from
     * @param type      the required {@code typ} header, e.g. {@code at+jwt} (compared case-insensitively,
     *                  {@code application/} prefix allowed)
     * @param issuer    the exact {@code iss}
     * @param audience  the audience that must be in {@code aud} (this service)
     * @param clockSkew tolerance of every time check
     * @param clock     the server time
     */
    public SignedJwtVerifier(JwksKeySource keys, String type, String issuer, String audience, Duration clockSkew,
                             Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.type = Objects.requireNonNull(type, "type").toLowerCase(Locale.ROOT);
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Verifies {@code compactJwt}: emits the verified token or an {@link InvalidAccessTokenException}
     * naming the first failed check; never empty.
     */
    public Mono<VerifiedJwt> verify(@Nullable String compactJwt) {
        return Mono.defer(() -> {
            if (compactJwt == null) {
                return Mono.error(invalid(Reason.MALFORMED, "no token"));
            }
            ParsedToken parsed;
            try {
                parsed = parse(compactJwt);
            }
            catch (InvalidAccessTokenException ex) {
                return Mono.error(ex);
            }
            return keys.findKey(parsed.keyId())
                    .switchIfEmpty(Mono.error(() -> invalid(Reason.UNKNOWN_KEY, "kid not in the JWKS")))
                    .map(key -> verifySignatureAndClaims(parsed, key));
        });
    }

    /** Whether the key that signed a token is still published (a withdrawn key voids its tokens). */
    public boolean keyStillPublished(String keyId) {
        return keys.knows(keyId);
    }

    /** Whether {@code expiresAt} has passed, with the clock skew. */
    public boolean hasExpired(Instant expiresAt) {
        return !clock.instant().isBefore(expiresAt.plus(clockSkew));
    }

    Clock clock() {
        return clock;
    }

    Duration clockSkew() {
        return clockSkew;
    }

    /** The checks that need no key: structure, algorithm, forbidden headers, type, key id. */
    private ParsedToken parse(String compactJwt) {
        if (compactJwt.isEmpty() || compactJwt.length() > MAX_TOKEN_LENGTH) {
            throw invalid(Reason.MALFORMED, "empty or oversized token");
        }
        int firstDot = compactJwt.indexOf('.');
        if (firstDot <= 0) {
            throw invalid(Reason.MALFORMED, "not a compact JWS");
        }
        Map<String, Object> header;
        try {
            header = JSONObjectUtils.parse(new Base64URL(compactJwt.substring(0, firstDot)).decodeToString());
        }
        catch (ParseException | RuntimeException ex) {
            throw invalid(Reason.MALFORMED, "unreadable header");
        }
        if (!(header.get("alg") instanceof String alg) || !alg.equals(JWSAlgorithm.RS256.getName())) {
            throw invalid(Reason.UNSUPPORTED_ALGORITHM, "alg is not RS256");
        }
        for (String name : FORBIDDEN_HEADERS) {
            if (header.containsKey(name)) {
                throw invalid(Reason.FORBIDDEN_HEADER, "header carries " + name);
            }
        }
        if (!(header.get("typ") instanceof String typ) || !isExpectedType(typ)) {
            throw invalid(Reason.WRONG_TYPE, "typ is not " + type);
        }
        if (!(header.get("kid") instanceof String kid) || kid.isBlank() || kid.length() > MAX_KEY_ID_LENGTH) {
            throw invalid(Reason.UNKNOWN_KEY, "no usable kid");
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(compactJwt);
        }
        catch (ParseException | RuntimeException ex) {
            throw invalid(Reason.MALFORMED, "not a compact JWS");
        }
        // defense in depth: what nimbus parsed must be what was checked above
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw invalid(Reason.UNSUPPORTED_ALGORITHM, "alg is not RS256");
        }
        return new ParsedToken(jwt, kid);
    }

    private boolean isExpectedType(String typ) {
        // RFC 7515 4.1.9: media types compare case-insensitively and may omit "application/"
        String candidate = typ.toLowerCase(Locale.ROOT);
        return candidate.equals(type) || candidate.equals("application/" + type);
    }

    private VerifiedJwt verifySignatureAndClaims(ParsedToken parsed, RSAPublicKey key) {
        boolean signatureVerifies;
        try {
            signatureVerifies = parsed.jwt().verify(new RSASSAVerifier(key));
        }
        catch (JOSEException | RuntimeException ex) {
            signatureVerifies = false;
        }
        if (!signatureVerifies) {
            throw invalid(Reason.BAD_SIGNATURE, "signature does not verify");
        }
        JWTClaimsSet claims;
        try {
            claims = parsed.jwt().getJWTClaimsSet();
        }
        catch (ParseException ex) {
            throw invalid(Reason.MALFORMED, "unreadable claims");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw invalid(Reason.WRONG_ISSUER, "unexpected iss");
        }
        List<String> audiences = claims.getAudience();
        if (!audiences.contains(audience)) {
            throw invalid(Reason.WRONG_AUDIENCE, "aud does not name " + audience);
        }
        Instant now = clock.instant();
        Instant expiresAt = required(claims.getExpirationTime(), "exp");
        if (!now.isBefore(expiresAt.plus(clockSkew))) {
            throw invalid(Reason.EXPIRED, "token expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(clockSkew))) {
            throw invalid(Reason.NOT_YET_VALID, "nbf in the future");
        }
        Instant issuedAt = required(claims.getIssueTime(), "iat");
        if (issuedAt.isAfter(now.plus(clockSkew))) {
            throw invalid(Reason.NOT_YET_VALID, "iat in the future");
        }
        return new VerifiedJwt(parsed.keyId(), claims, audiences, issuedAt, expiresAt);
    }

    private static Instant required(@Nullable Date date, String claim) {
        if (date == null) {
            throw invalid(Reason.MISSING_CLAIM, "no " + claim);
        }
        return date.toInstant();
    }

    static InvalidAccessTokenException invalid(Reason reason, String message) {
        return new InvalidAccessTokenException(reason, message);
    }

    private record ParsedToken(SignedJWT jwt, String keyId) {
    }
}

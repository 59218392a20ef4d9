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
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
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
 * Verifies Baeum access tokens (RS256 JWTs issued by auth-service) without blocking.
 *
 * <p>A token is accepted only when, in this order: it is a compact JWS; its {@code alg} is exactly
 * {@code RS256}; its header has none of {@code jku}, {@code x5u}, {@code jwk}, {@code x5c},
 * {@code crit}; its {@code typ} is {@code at+jwt}; its {@code kid} names a key of the configured
 * JWKS; the signature verifies under that key; {@code iss} equals the configured issuer;
 * {@code aud} contains the configured audience; {@code exp} has not passed and {@code nbf} and
 * {@code iat} have been reached (each within the clock skew); and {@code sub}, {@code sid},
 * {@code jti} and {@code roles} are present. The first failed check is the one reported.
 *
 * <p>Verified tokens are remembered in a bounded cache keyed by the token string, so verifying the
 * same token again costs a hash lookup. A remembered token is still refused once it expires or once
 * its key leaves the JWKS. Failures are never remembered.
 *
 * <p>Session revocation ({@code sid} deny-list) is not checked here: see
 * {@link SessionRevocationCheck}.
 */
public final class AccessTokenVerifier {

    /** The {@code typ} header of an access token (RFC 9068). */
    public static final String ACCESS_TOKEN_TYPE = "at+jwt";

    /** Longer strings are not looked at: the tokens auth-service issues are well under 2 KiB. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private static final int MAX_KEY_ID_LENGTH = 256;

    private static final Set<String> FORBIDDEN_HEADERS = Set.of("jku", "x5u", "jwk", "x5c", "crit");

    private final JwksKeySource keys;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;
    private final Cache<String, CachedToken> verified;

    /**
     * @param keys       where signing keys come from
     * @param properties issuer, audience, clock skew and cache size
     * @param clock      the server time; every time check uses it
     */
    public AccessTokenVerifier(JwksKeySource keys, TokenVerificationProperties properties, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(properties.issuer(), "issuer");
        this.audience = Objects.requireNonNull(properties.audience(), "audience");
        this.clockSkew = Objects.requireNonNull(properties.clockSkew(), "clockSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verified = Caffeine.newBuilder()
                .maximumSize(properties.verifiedCacheSize())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.<String, CachedToken>creating((token, cached) ->
                        Duration.between(clock.instant(), cached.token().expiresAt().plus(clockSkew))))
                .build();
    }

    /**
     * Verifies {@code compactJwt}.
     *
     * @param compactJwt the token as presented, without the {@code Bearer } prefix
     * @return the verified token, or an {@link InvalidAccessTokenException} error naming the first
     *         failed check; never empty
     */
    public Mono<VerifiedAccessToken> verify(@Nullable String compactJwt) {
        return Mono.defer(() -> {
            if (compactJwt == null) {
                return Mono.error(invalid(Reason.MALFORMED, "no token"));
            }
            CachedToken cached = verified.getIfPresent(compactJwt);
            if (cached != null) {
                return recheck(compactJwt, cached);
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
                    .map(key -> verifySignatureAndClaims(parsed, key))
                    .doOnNext(token -> verified.put(compactJwt, new CachedToken(token, parsed.keyId())));
        });
    }

    /** A remembered token: still unexpired, and its key still published? */
    private Mono<VerifiedAccessToken> recheck(String compactJwt, CachedToken cached) {
        VerifiedAccessToken token = cached.token();
        if (!clock.instant().isBefore(token.expiresAt().plus(clockSkew))) {
            verified.invalidate(compactJwt);
            return Mono.error(invalid(Reason.EXPIRED, "token expired"));
        }
        if (!keys.knows(cached.keyId())) {
            // the key was withdrawn from the JWKS: verify from scratch, which will refuse the token
            verified.invalidate(compactJwt);
            return verify(compactJwt);
        }
        return Mono.just(token);
    }

    /** The checks that need no key: structure, algorithm, forbidden headers, type, key id. */
    private static ParsedToken parse(String compactJwt) {
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
        if (!(header.get("typ") instanceof String typ) || !isAccessTokenType(typ)) {
            throw invalid(Reason.WRONG_TYPE, "typ is not " + ACCESS_TOKEN_TYPE);
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

    private static boolean isAccessTokenType(String typ) {
        // RFC 7515 4.1.9: media types compare case-insensitively and may omit "application/"
        String type = typ.toLowerCase(Locale.ROOT);
        return type.equals(ACCESS_TOKEN_TYPE) || type.equals("application/" + ACCESS_TOKEN_TYPE);
    }

    private VerifiedAccessToken verifySignatureAndClaims(ParsedToken parsed, RSAPublicKey key) {
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
        return checkClaims(claims);
    }

    private VerifiedAccessToken checkClaims(JWTClaimsSet claims) {
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
        String subject = requiredText(claims, "sub");
        String sessionId = requiredText(claims, "sid");
        String tokenId = requiredText(claims, "jti");
        List<String> roles;
        try {
            roles = claims.getStringListClaim("roles");
        }
        catch (ParseException ex) {
            throw invalid(Reason.INVALID_CLAIM, "roles is not a list of strings");
        }
        if (roles == null) {
            throw invalid(Reason.MISSING_CLAIM, "no roles");
        }
        if (roles.stream().anyMatch(role -> role == null || role.isBlank())) {
            throw invalid(Reason.INVALID_CLAIM, "blank role");
        }
        Instant identityVerifiedAt = null;
        Object idvAt = claims.getClaim("idv_at");
        if (idvAt != null) {
            if (!(idvAt instanceof Number seconds)) {
                throw invalid(Reason.INVALID_CLAIM, "idv_at is not a number");
            }
            identityVerifiedAt = Instant.ofEpochSecond(seconds.longValue());
        }
        return new VerifiedAccessToken(subject, roles, sessionId, tokenId, audiences, issuedAt, expiresAt,
                identityVerifiedAt, claims.getClaims());
    }

    private static Instant required(@Nullable Date date, String claim) {
        if (date == null) {
            throw invalid(Reason.MISSING_CLAIM, "no " + claim);
        }
        return date.toInstant();
    }

    private static String requiredText(JWTClaimsSet claims, String claim) {
        Object value = claims.getClaim(claim);
        if (value == null) {
            throw invalid(Reason.MISSING_CLAIM, "no " + claim);
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid(Reason.INVALID_CLAIM, claim + " is not a non-blank string");
        }
        return text;
    }

    private static InvalidAccessTokenException invalid(Reason reason, String message) {
        return new InvalidAccessTokenException(reason, message);
    }

    private record ParsedToken(SignedJWT jwt, String keyId) {
    }

    private record CachedToken(VerifiedAccessToken token, String keyId) {
    }
}

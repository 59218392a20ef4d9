package io.baeum.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baeum.common.security.InvalidAccessTokenException.Reason;

/**
 * Verifies Baeum access tokens (RS256 JWTs issued by auth-service) without blocking.
 *
 * <p>A token is accepted only when {@link SignedJwtVerifier} accepts it with {@code typ}
 * {@code at+jwt} (structure, RS256 only, no {@code jku}/{@code x5u}/{@code jwk}/{@code x5c}/{@code crit},
 * a {@code kid} of the configured JWKS, signature, exact {@code iss}, {@code aud} naming this service,
 * {@code exp}/{@code nbf}/{@code iat} within the clock skew) and {@code sub}, {@code sid},
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
    static final int MAX_TOKEN_LENGTH = SignedJwtVerifier.MAX_TOKEN_LENGTH;

    private final SignedJwtVerifier jwts;
    private final Cache<String, CachedToken> verified;

    /**
     * @param keys       where signing keys come from
     * @param properties issuer, audience, clock skew and cache size
     * @param clock      the server time; every time check uses it
     */
    public AccessTokenVerifier(JwksKeySource keys, TokenVerificationProperties properties, Clock clock) {
        this.jwts = new SignedJwtVerifier(keys, ACCESS_TOKEN_TYPE, properties.issuer(), properties.audience(),
                properties.clockSkew(), clock);
        Duration clockSkew = properties.clockSkew();
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
            CachedToken cached = compactJwt == null ? null : verified.getIfPresent(compactJwt);
            if (cached != null) {
                return recheck(compactJwt, cached);
            }
            return jwts.verify(compactJwt)
                    .map(jwt -> new CachedToken(toAccessToken(jwt), jwt.keyId()))
                    .doOnNext(token -> verified.put(compactJwt, token))
                    .map(CachedToken::token);
        });
    }

    /** A remembered token: still unexpired, and its key still published? */
    private Mono<VerifiedAccessToken> recheck(String compactJwt, CachedToken cached) {
        VerifiedAccessToken token = cached.token();
        if (jwts.hasExpired(token.expiresAt())) {
            verified.invalidate(compactJwt);
            return Mono.error(new InvalidAccessTokenException(Reason.EXPIRED, "token expired"));
        }
        if (!jwts.keyStillPublished(cached.keyId())) {
            // the key was withdrawn from the JWKS: verify from scratch, which will refuse the token
            verified.invalidate(compactJwt);
            return verify(compactJwt);
        }
        return Mono.just(token);
    }

    private static VerifiedAccessToken toAccessToken(VerifiedJwt jwt) {
        String subject = jwt.text("sub");
        String sessionId = jwt.text("sid");
        String tokenId = jwt.text("jti");
        List<String> roles = jwt.textList("roles");
        Instant identityVerifiedAt = jwt.optionalEpochSeconds("idv_at");
        return new VerifiedAccessToken(subject, roles, sessionId, tokenId, jwt.audience(), jwt.issuedAt(),
                jwt.expiresAt(), identityVerifiedAt, jwt.claims().getClaims());
    }

    private record CachedToken(VerifiedAccessToken token, String keyId) {
    }
}

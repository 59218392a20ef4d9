package io.baeum.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import io.baeum.auth.token.domain.SigningKey;
import io.baeum.common.security.AccessTokenVerifier;

/**
 * Signs access tokens (RS256, {@code typ=at+jwt}, {@code kid} of the current signing key).
 *
 * <p>User tokens carry {@code sub}, {@code roles}, {@code sid}, {@code iss}, {@code aud} (every
 * service), {@code iat}, {@code exp}, {@code jti} and, once the user has passed identity
 * verification, {@code idv_at} (epoch seconds). Service tokens carry {@code client_id},
 * {@code scope}, a narrow {@code aud}, {@code roles=["SERVICE"]} and a per-token {@code sid}.
 */
@Component
public class AccessTokenIssuer {

    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;
    private final Map<String, JWSSigner> signers = new ConcurrentHashMap<>();

    AccessTokenIssuer(SigningKeys keys, TokenProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** A user access token for session {@code sessionId}. */
    public IssuedAccessToken forUser(UUID accountId, List<String> roles, UUID sessionId, @Nullable Instant identityVerifiedAt) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = base(now, properties.accessTokenTtl(), properties.audiences())
                .subject(accountId.toString())
                .claim("sid", sessionId.toString())
                .claim("roles", List.copyOf(roles));
        if (identityVerifiedAt != null) {
            claims.claim("idv_at", identityVerifiedAt.getEpochSecond());
        }
        return sign(claims.build(), now, properties.accessTokenTtl());
    }

    /** A service token for client {@code clientId}. */
    public IssuedAccessToken forService(String clientId, List<String> audiences, List<String> scopes) {
        Instant now = clock.instant();
        JWTClaimsSet claims = base(now, properties.serviceTokenTtl(), audiences)
                .subject("service:" + clientId)
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes))
                .claim("sid", "svc-" + UUID.randomUUID())
                .claim("roles", List.of("SERVICE"))
                .build();
        return sign(claims, now, properties.serviceTokenTtl());
    }

    private JWTClaimsSet.Builder base(Instant now, Duration ttl, List<String> audiences) {
        return new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(List.copyOf(audiences))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
    }

    private IssuedAccessToken sign(JWTClaimsSet claims, Instant now, Duration ttl) {
        SigningKey key = keys.signingKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType(AccessTokenVerifier.ACCESS_TOKEN_TYPE))
                .keyID(key.kid())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signers.computeIfAbsent(key.kid(), kid -> {
                try {
                    return new RSASSASigner(key.key());
                }
                catch (JOSEException ex) {
                    throw new IllegalStateException(ex);
                }
            }));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("signing failed", ex);
        }
        return new IssuedAccessToken(jwt.serialize(), claims.getJWTID(), now.plus(ttl), ttl.toSeconds());
    }

    /** A signed token, its id, expiry and lifetime in seconds. */
    public record IssuedAccessToken(String value, String tokenId, Instant expiresAt, long expiresIn) {
    }
}

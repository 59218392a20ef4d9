package io.baeum.contract.playback;

import java.time.Clock;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.baeum.common.security.InvalidAccessTokenException;
import io.baeum.common.security.JwksKeySource;
import io.baeum.common.security.SignedJwtVerifier;

/**
 * Verifies playback grants and cue passes (heartbeat-service's side) against learning-service's JWKS,
 * with every check an access token gets ({@link SignedJwtVerifier}) plus the claim contract of
 * {@code docs/playback-grant.md}. Errors are {@link InvalidAccessTokenException}s with a reason.
 */
public final class PlaybackTokenVerifier {

    /** {@code typ} of a playback grant. */
    public static final String GRANT_TYPE = "pbg+jwt";
    /** {@code typ} of a cue pass. */
    public static final String CUE_PASS_TYPE = "cue+jwt";

    private final SignedJwtVerifier grants;
    private final SignedJwtVerifier cuePasses;

    /**
     * @param keys      learning-service's JWKS
     * @param issuer    learning-service's issuer name
     * @param audience  this service's audience name
     * @param clockSkew tolerance of time checks
     * @param clock     the server time
     */
    public PlaybackTokenVerifier(JwksKeySource keys, String issuer, String audience, Duration clockSkew, Clock clock) {
        this.grants = new SignedJwtVerifier(keys, GRANT_TYPE, issuer, audience, clockSkew, clock);
        this.cuePasses = new SignedJwtVerifier(keys, CUE_PASS_TYPE, issuer, audience, clockSkew, clock);
    }

    /** The grant, or an error naming why it is refused; never empty. */
    public Mono<PlaybackGrant> verifyGrant(@Nullable String compactJwt) {
        return grants.verify(compactJwt).map(PlaybackClaims::grant);
    }

    /** The cue pass, or an error naming why it is refused; never empty. */
    public Mono<CuePass> verifyCuePass(@Nullable String compactJwt) {
        return cuePasses.verify(compactJwt).map(PlaybackClaims::cuePass);
    }
}

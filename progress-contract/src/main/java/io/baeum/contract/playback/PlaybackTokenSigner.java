package io.baeum.contract.playback;

import java.util.Objects;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs playback grants and cue passes (learning-service's side): RS256 with the given key, whose
 * {@code kid} is in learning-service's published JWKS.
 */
public final class PlaybackTokenSigner {

    private final RSAKey key;
    private final RSASSASigner signer;
    private final String issuer;
    private final String audience;

    /**
     * @param key      an RSA private key with a key id
     * @param issuer   {@code iss} (learning-service's issuer name)
     * @param audience {@code aud} (heartbeat-service's audience name)
     */
    public PlaybackTokenSigner(RSAKey key, String issuer, String audience) {
        this.key = Objects.requireNonNull(key, "key");
        if (key.getKeyID() == null || !key.isPrivate()) {
            throw new IllegalArgumentException("the signing key needs a key id and its private part");
        }
        try {
            this.signer = new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable RSA key", e);
        }
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    /** The compact JWT ({@code typ} {@value PlaybackTokenVerifier#GRANT_TYPE}) of a grant. */
    public String sign(PlaybackGrant grant) {
        return sign(PlaybackTokenVerifier.GRANT_TYPE, PlaybackClaims.grantClaims(grant, issuer, audience));
    }

    /** The compact JWT ({@code typ} {@value PlaybackTokenVerifier#CUE_PASS_TYPE}) of a cue pass. */
    public String sign(CuePass pass) {
        return sign(PlaybackTokenVerifier.CUE_PASS_TYPE, PlaybackClaims.cuePassClaims(pass, issuer, audience));
    }

    private String sign(String type, JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new JOSEObjectType(type))
                .keyID(key.getKeyID())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jwt.serialize();
    }
}

package io.baeum.learning.config;

import java.text.ParseException;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import io.baeum.contract.playback.PlaybackTokenSigner;

/**
 * learning-service's own RSA key for grants and cue passes: {@code baeum.learning.playback.signing-jwk}
 * (a private JWK from a secret) or, only where {@code allow-generated-key} is true (local runs, tests),
 * a key generated at startup, which lives as long as the process (grants outlive it by at most 5 minutes).
 */
@Configuration(proxyBeanMethods = false)
public class PlaybackKeysConfig {

    private static final Logger log = LoggerFactory.getLogger(PlaybackKeysConfig.class);

    @Bean
    PlaybackSigningKey playbackSigningKey(LearningProperties properties) throws JOSEException {
        LearningProperties.Playback playback = properties.playback();
        if (playback.signingJwk() != null && !playback.signingJwk().isBlank()) {
            try {
                JWK jwk = JWK.parse(playback.signingJwk());
                if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate() || rsa.getKeyID() == null || rsa.size() < 2048) {
                    throw new IllegalStateException("baeum.learning.playback.signing-jwk must be a private RSA key (>= 2048 bits) with a kid");
                }
                return new PlaybackSigningKey(rsa);
            } catch (ParseException e) {
                throw new IllegalStateException("baeum.learning.playback.signing-jwk is not a JWK");
            }
        }
        if (!playback.allowGeneratedKey()) {
            throw new IllegalStateException("configure baeum.learning.playback.signing-jwk (or allow-generated-key for local runs)");
        }
        RSAKey generated = new RSAKeyGenerator(2048).keyID("learning-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).generate();
        log.warn("Signing playback grants with a key generated at startup ({}): fine for one local instance only",
                generated.getKeyID());
        return new PlaybackSigningKey(generated);
    }

    @Bean
    PlaybackTokenSigner playbackTokenSigner(PlaybackSigningKey key, LearningProperties properties) {
        return new PlaybackTokenSigner(key.key(), properties.playback().issuer(), properties.playback().audience());
    }

    /** The signing key; only its public half ever leaves the process ({@link #publicJwks()}). */
    public record PlaybackSigningKey(RSAKey key) {
        public JWKSet publicJwks() {
            return new JWKSet(key.toPublicJWK());
        }

        @Override
        public String toString() {
            return "PlaybackSigningKey[kid=" + key.getKeyID() + "]";
        }
    }
}

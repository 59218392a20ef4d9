package io.baeum.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.baeum.auth.token.domain.SigningKey;
import io.baeum.auth.token.domain.SigningKeySet;
import io.baeum.auth.token.persistence.SigningKeyStore;

/**
 * The signing keys in memory: loaded (and the first one generated) at startup, re-read every 30
 * seconds so every instance follows a rotation, and rotated on schedule by whichever instance sees
 * it due first (the store serialises creation).
 */
@Component
public class SigningKeys implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final DateTimeFormatter KID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    private final SigningKeyStore store;
    private final TokenProperties properties;
    private final Clock clock;
    private final AtomicReference<SigningKeySet> current = new AtomicReference<>(new SigningKeySet(List.of()));
    private Disposable maintenance;

    SigningKeys(SigningKeyStore store, TokenProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** After every singleton (Flyway's migration included) is ready. */
    @Override
    public void afterSingletonsInstantiated() {
        // startup: there must be a key that signs now (the very first key activates at once)
        SigningKeySet keys = store.load().block(Duration.ofSeconds(30));
        current.set(keys);
        if (keys.signingKey(clock.instant()).isEmpty()) {
            createKey(Duration.ZERO, loaded -> loaded.signingKey(clock.instant()).isEmpty()).block(Duration.ofSeconds(30));
        }
        maintenance = Flux.interval(Duration.ofSeconds(30), Schedulers.parallel())
                .concatMap(tick -> maintain().onErrorResume(ex -> {
                    log.warn("signing-key maintenance failed; will retry: {}", ex.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    @Override
    public void destroy() {
        if (maintenance != null) {
            maintenance.dispose();
        }
    }

    /** Re-reads the keys and rotates when due. */
    public Mono<SigningKeySet> maintain() {
        return store.load().doOnNext(current::set).flatMap(keys -> keys.rotationDue(clock.instant(),
                properties.keyRotationInterval(), properties.keyPublishAhead())
                ? createKey(properties.keyPublishAhead(), loaded -> loaded.rotationDue(clock.instant(),
                        properties.keyRotationInterval(), properties.keyPublishAhead()))
                : Mono.just(keys));
    }

    /**
     * Publishes a new key now; it starts signing after {@code publishAhead}. Used by the schedule and
     * by an admin forcing a rotation (e.g. after a suspected key compromise, with zero delay).
     */
    public Mono<SigningKeySet> rotate(Duration publishAhead) {
        return createKey(publishAhead, keys -> true);
    }

    private Mono<SigningKeySet> createKey(Duration publishAhead, Predicate<SigningKeySet> stillDue) {
        // RSA key generation takes tens of milliseconds: off the event loop
        return Mono.fromCallable(() -> generate(clock.instant(), publishAhead))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(candidate -> store.insertIfStillDue(candidate, stillDue))
                .doOnNext(keys -> {
                    current.set(keys);
                    log.info("signing keys now {}", keys.keys().stream().map(SigningKey::kid).toList());
                });
    }

    private static SigningKey generate(Instant now, Duration publishAhead) throws JOSEException {
        String kid = "k" + KID.format(now) + "-" + UUID.randomUUID().toString().substring(0, 8);
        RSAKey key = new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                .generate();
        return new SigningKey(kid, key, now, now.plus(publishAhead));
    }

    /** The key to sign with now. */
    public SigningKey signingKey() {
        return current.get().signingKey(clock.instant())
                .orElseThrow(() -> new IllegalStateException("no active signing key"));
    }

    /** The public JWKS: every key published now. */
    public JWKSet publicJwks() {
        List<JWK> keys = current.get().published(clock.instant(), properties.retirementGrace()).stream()
                .<JWK>map(key -> key.key().toPublicJWK()).toList();
        return new JWKSet(keys);
    }

    public SigningKeySet snapshot() {
        return current.get();
    }
}

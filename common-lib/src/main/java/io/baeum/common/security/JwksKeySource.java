package io.baeum.common.security;

import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The RSA signing keys of auth-service's JWKS, fetched without blocking and kept in memory.
 *
 * <ul>
 *   <li>Only RSA public keys with a {@code kid}, meant for signatures ({@code use} absent or
 *       {@code sig}, {@code alg} absent or {@code RS256}) and of at least 2048 bits are kept.</li>
 *   <li>The set is loaded on first use and refreshed in the background once older than the refresh
 *       interval; a {@code kid} it does not know triggers a refresh too.</li>
 *   <li>Fetches are at least the minimum refresh interval apart, whatever asks for them, so a flood of
 *       tokens with random {@code kid}s costs auth-service at most one request per interval.
 *       Concurrent callers share the one fetch in flight. Until a first set has loaded, a failed
 *       fetch may be retried after one second (or the minimum interval, if shorter).</li>
 *   <li>A failed fetch (timeout, error status, unparsable or keyless body) keeps the last good set.</li>
 * </ul>
 *
 * <p>The URL is the only place keys come from: header parameters such as {@code jku} are never
 * followed (the verifier rejects them before asking for a key).
 */
public final class JwksKeySource {

    private static final Logger log = LoggerFactory.getLogger(JwksKeySource.class);

    private static final int MIN_RSA_KEY_BITS = 2048;

    /** Until a first set has loaded every token fails, so a failed first load is retried sooner. */
    private static final Duration INITIAL_LOAD_RETRY_INTERVAL = Duration.ofSeconds(1);

    private final WebClient webClient;
    private final URI jwksUri;
    private final Duration refreshInterval;
    private final Duration minRefreshInterval;
    private final Duration timeout;
    private final Clock clock;

    private final AtomicReference<KeySet> current = new AtomicReference<>(KeySet.NEVER_LOADED);
    private final AtomicReference<FetchState> fetchState = new AtomicReference<>(FetchState.IDLE);

    /**
     * @param webClient          the client to fetch with (its own base URL and filters are not used for the URI)
     * @param jwksUri            where the JWKS is served
     * @param refreshInterval    age after which the set is refreshed in the background
     * @param minRefreshInterval least time between two fetches
     * @param timeout            how long one fetch may take
     * @param clock              the time source
     */
    public JwksKeySource(WebClient webClient, URI jwksUri, Duration refreshInterval, Duration minRefreshInterval,
            Duration timeout, Clock clock) {
        this.webClient = Objects.requireNonNull(webClient, "webClient");
        this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
        this.refreshInterval = Objects.requireNonNull(refreshInterval, "refreshInterval");
        this.minRefreshInterval = Objects.requireNonNull(minRefreshInterval, "minRefreshInterval");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A key source configured from {@code properties}. */
    public static JwksKeySource of(WebClient webClient, TokenVerificationProperties properties, Clock clock) {
        return new JwksKeySource(webClient, properties.jwksUri(), properties.jwksRefreshInterval(),
                properties.jwksMinRefreshInterval(), properties.jwksTimeout(), clock);
    }

    /**
     * The public key with id {@code kid}: from memory when known, otherwise after at most one
     * (rate-limited, shared) refresh of the set. Empty when the JWKS has no such key.
     */
    public Mono<RSAPublicKey> findKey(String kid) {
        return Mono.defer(() -> {
            KeySet keys = current.get();
            RSAPublicKey key = keys.find(kid);
            if (key != null) {
                if (keys.isOlderThan(refreshInterval, clock.instant())) {
                    // serve the known key now; the refresh (if the rate limit allows one) runs alone
                    refresh().subscribe();
                }
                return Mono.just(key);
            }
            return refresh().mapNotNull(refreshed -> refreshed.find(kid));
        });
    }

    /** Whether {@code kid} is in the key set currently held, without fetching anything. */
    public boolean knows(String kid) {
        return current.get().find(kid) != null;
    }

    /** The key ids currently held, without fetching anything. */
    public Set<String> keyIds() {
        return current.get().keys().keySet();
    }

    /**
     * Loads the key set now (subject to the same rate limit as any refresh), so that the first
     * requests do not wait for it. Never signals an error: a failure is logged and retried on use.
     */
    public Mono<Void> warmUp() {
        return refresh().then();
    }

    /**
     * Fetches the set now unless a fetch is in flight (then joins it) or the last one started less
     * than the minimum refresh interval ago (then answers the set held). Never signals an error.
     */
    Mono<KeySet> refresh() {
        while (true) {
            FetchState state = fetchState.get();
            if (state.inFlight() != null) {
                return state.inFlight();
            }
            Instant now = clock.instant();
            Duration interval = current.get().fetchedAt() == null
                    ? min(minRefreshInterval, INITIAL_LOAD_RETRY_INTERVAL)
                    : minRefreshInterval;
            if (state.lastStarted() != null && now.isBefore(state.lastStarted().plus(interval))) {
                return Mono.just(current.get());
            }
            FetchState[] started = new FetchState[1];
            Mono<KeySet> fetch = fetch()
                    .doFinally(signal -> fetchState.compareAndSet(started[0], new FetchState(now, null)))
                    .cache();
            started[0] = new FetchState(now, fetch);
            if (fetchState.compareAndSet(state, started[0])) {
                return fetch;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private Mono<KeySet> fetch() {
        return webClient.get()
                .uri(jwksUri)
                .accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToMono(String.class)
                .timeout(timeout)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("empty JWKS response")))
                .map(body -> KeySet.parse(body, clock.instant()))
                .doOnNext(keys -> {
                    KeySet previous = current.getAndSet(keys);
                    if (!previous.keys().keySet().equals(keys.keys().keySet())) {
                        log.info("JWKS {} now holds key ids {}", jwksUri, keys.keys().keySet());
                    }
                })
                .onErrorResume(error -> {
                    log.warn("JWKS fetch from {} failed, keeping the {} key(s) held: {}", jwksUri,
                            current.get().keys().size(), error.toString());
                    return Mono.just(current.get());
                });
    }

    /** The keys held and when they were fetched ({@code null}: never). */
    record KeySet(Map<String, RSAPublicKey> keys, @Nullable Instant fetchedAt) {

        static final KeySet NEVER_LOADED = new KeySet(Map.of(), null);

        @Nullable RSAPublicKey find(String kid) {
            return keys.get(kid);
        }

        boolean isOlderThan(Duration age, Instant now) {
            return fetchedAt == null || !now.isBefore(fetchedAt.plus(age));
        }

        static KeySet parse(String json, Instant now) {
            JWKSet set;
            try {
                set = JWKSet.parse(json);
            }
            catch (ParseException ex) {
                throw new IllegalStateException("unparsable JWKS: " + ex.getMessage(), ex);
            }
            Map<String, RSAPublicKey> keys = new LinkedHashMap<>();
            for (JWK jwk : set.getKeys()) {
                if (jwk instanceof RSAKey rsa && isRs256SigningKey(rsa)) {
                    try {
                        keys.putIfAbsent(rsa.getKeyID(), rsa.toRSAPublicKey());
                    }
                    catch (JOSEException ex) {
                        log.warn("Skipping unusable JWKS key {}: {}", rsa.getKeyID(), ex.getMessage());
                    }
                }
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException("JWKS holds no RSA signing key");
            }
            return new KeySet(Map.copyOf(keys), now);
        }

        private static boolean isRs256SigningKey(RSAKey rsa) {
            return rsa.getKeyID() != null && !rsa.getKeyID().isBlank()
                    && (rsa.getKeyUse() == null || KeyUse.SIGNATURE.equals(rsa.getKeyUse()))
                    && (rsa.getKeyOperations() == null || rsa.getKeyOperations().contains(KeyOperation.VERIFY))
                    && (rsa.getAlgorithm() == null || JWSAlgorithm.RS256.equals(rsa.getAlgorithm()))
                    && rsa.size() >= MIN_RSA_KEY_BITS;
        }
    }

    /** When the last fetch started, and the fetch still running if any. */
    private record FetchState(@Nullable Instant lastStarted, @Nullable Mono<KeySet> inFlight) {
        static final FetchState IDLE = new FetchState(null, null);
    }
}

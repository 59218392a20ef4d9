package io.baeum.common.security;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.testing.JwksTestServer;

/**
 * Cost of verifying an access token on the hot path: a token seen before (cache hit, the common case
 * for heartbeats) and a token never seen (full RS256 verification). Run: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AccessTokenVerifierBenchmark {

    private static final int DISTINCT_TOKENS = 4_096;

    private JwksTestServer jwks;
    private AccessTokenVerifier cached;
    private AccessTokenVerifier uncached;
    private String token;
    private String[] tokens;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        jwks = new JwksTestServer(TokenMother.SIGNING_KEY);
        Clock clock = Clock.systemUTC();
        URI uri = jwks.jwksUri();
        TokenMother mother = new TokenMother(clock, uri);
        TokenVerificationProperties properties = TokenMother.propertiesFor(uri);
        cached = new AccessTokenVerifier(JwksKeySource.of(WebClient.create(), properties, clock), properties, clock);
        // a cache of one entry never holds the next of 4096 rotating tokens: every call verifies RS256
        TokenVerificationProperties noCache = new TokenVerificationProperties(uri, properties.issuer(),
                properties.audience(), properties.clockSkew(), 1, properties.jwksRefreshInterval(),
                properties.jwksMinRefreshInterval(), properties.jwksTimeout());
        uncached = new AccessTokenVerifier(JwksKeySource.of(WebClient.create(), noCache, clock), noCache, clock);
        token = mother.accessToken().sign();
        tokens = new String[DISTINCT_TOKENS];
        for (int i = 0; i < DISTINCT_TOKENS; i++) {
            tokens[i] = mother.accessToken().sign();
        }
        cached.verify(token).block();
        uncached.verify(tokens[0]).block();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        jwks.close();
    }

    @Benchmark
    public VerifiedAccessToken cachedToken() {
        return cached.verify(token).block();
    }

    @Benchmark
    public VerifiedAccessToken newToken() {
        next = (next + 1) % DISTINCT_TOKENS;
        return uncached.verify(tokens[next]).block();
    }
}

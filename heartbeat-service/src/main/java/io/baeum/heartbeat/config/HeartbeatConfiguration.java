package io.baeum.heartbeat.config;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.WebFilter;

import io.baeum.contract.playback.PlaybackTokenVerifier;
import io.baeum.contract.progress.ProgressBatchSplitter;
import io.baeum.contract.progress.ProgressEnvelopeCodec;
import io.baeum.contract.progress.ProgressEnvelopeLimits;
import io.baeum.contract.progress.ProgressKey;
import io.baeum.contract.progress.ProgressKeyRing;
import io.baeum.common.openapi.SecuredOperations;
import io.baeum.common.security.AccessTokenVerifier;
import io.baeum.common.security.BaeumSecurity;
import io.baeum.common.security.JwksKeySource;
import io.baeum.common.security.SessionRevocationCheck;
import io.baeum.heartbeat.emission.ProgressEmitter;
import io.baeum.heartbeat.playback.PlaybackMetrics;
import io.baeum.heartbeat.playback.PlaybackService;
import io.baeum.heartbeat.playback.domain.HeartbeatJudge;
import io.baeum.heartbeat.playback.domain.JudgeSettings;
import io.baeum.heartbeat.playback.state.LoginSessionRevokedException;
import io.baeum.heartbeat.playback.state.SessionStore;
import io.baeum.heartbeat.playback.state.StateUnavailableException;

/** Wiring of heartbeat-service. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class HeartbeatConfiguration {

    static final String PLAYBACK = "/api/v1/playback/**";

    /** The beat endpoint, exactly as {@code PlaybackController} maps it. */
    static final String BEAT_PATH = "/api/v1/playback/sessions/{sessionId:[A-Za-z0-9_]{1,64}}/heartbeats";

    /** Leaves the deny-list to the beat's state read, which refuses a revoked token itself. */
    private static final SessionRevocationCheck DENY_LIST_READ_WITH_SESSION = SessionRevocationCheck.none();

    /**
     * Boot's JSON mapper (with every customizer), but recycling Jackson's buffers per thread. Jackson 3's
     * default pool only refills on an explicit release that Spring's {@code AbstractJacksonEncoder} never
     * makes (spring-framework#37058), so every response allocated ~18 KB of fresh buffers; all JSON here
     * runs on a few long-lived event-loop threads, which a thread-local pool suits (docs/benchmarks.md).
     */
    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder()
                .recyclerPool(JsonRecyclerPools.threadLocalPool()).build());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Unpredictable ids and presence codes; DRBG does no I/O after seeding, so it never blocks an event loop. */
    @Bean
    RandomGenerator secureIds() {
        try {
            SecureRandom random = SecureRandom.getInstance("DRBG");
            random.nextLong(); // seeds now (reads the system entropy source) rather than on an event loop
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    RedisConnection redisConnection(LettuceConnectionFactory factory, HeartbeatProperties properties) {
        return new RedisConnection(factory.getStandaloneConfiguration(), properties.state().commandTimeout());
    }

    @Bean
    SessionRevocationCheck redisRevocationCheck(RedisConnection redis) {
        return sessionId -> redis.call(r -> r.exists(SessionRevocationCheck.DENY_LIST_KEY_PREFIX + sessionId)).map(count -> count > 0);
    }

    /**
     * Beats, the hot path: the token is verified here as everywhere, but its deny-list entry is read by the
     * script that loads the playback session ({@code SessionStore.load}), one Redis round trip less per beat.
     * A revoked token is answered as below ({@link LoginSessionRevokedException}).
     */
    @Bean
    @Order(0)
    SecurityWebFilterChain beatSecurity(ServerHttpSecurity http, AccessTokenVerifier verifier) {
        http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, BEAT_PATH));
        return BaeumSecurity.bearerTokens(http, verifier, DENY_LIST_READ_WITH_SESSION)
                .authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
                .build();
    }

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http, AccessTokenVerifier verifier,
            SessionRevocationCheck revocationCheck) {
        return BaeumSecurity.bearerTokens(http, verifier, revocationCheck)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, BaeumSecurity.OPENAPI_DOCUMENT).permitAll()
                        .pathMatchers(PLAYBACK).authenticated()
                        .anyExchange().permitAll())
                .build();
    }

    /** The same rule, for the OpenAPI document: these operations carry the bearer requirement. */
    @Bean
    SecuredOperations securedOperations() {
        return SecuredOperations.paths(PLAYBACK);
    }

    /**
     * Headers of errors raised past the security chain: a 503 for lack of state tells the player when to
     * retry; a token refused by the beat's state read gets the security chain's challenge. Wraps the
     * security chain.
     */
    @Bean
    WebFilter errorHeaders() {
        class ErrorHeaders implements WebFilter, Ordered {
            @Override
            public reactor.core.publisher.Mono<Void> filter(org.springframework.web.server.ServerWebExchange exchange,
                    org.springframework.web.server.WebFilterChain chain) {
                return chain.filter(exchange).doOnError(error -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    if (error instanceof StateUnavailableException) {
                        headers.set(HttpHeaders.RETRY_AFTER, "1");
                    } else if (error instanceof LoginSessionRevokedException) {
                        headers.set(HttpHeaders.WWW_AUTHENTICATE, LoginSessionRevokedException.WWW_AUTHENTICATE);
                        headers.setCacheControl("no-store");
                    }
                });
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE + 10;
            }
        }
        return new ErrorHeaders();
    }

    @Bean
    PlaybackTokenVerifier playbackTokenVerifier(HeartbeatProperties properties, ObjectProvider<WebClient.Builder> webClients,
            Clock clock) {
        HeartbeatProperties.Grants grants = properties.grants();
        JwksKeySource learningKeys = new JwksKeySource(webClients.getIfAvailable(WebClient::builder).build(),
                grants.jwksUri(), Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(2), clock);
        return new PlaybackTokenVerifier(learningKeys, grants.issuer(), grants.audience(), grants.clockSkew(), clock);
    }

    @Bean
    HeartbeatJudge heartbeatJudge(Clock clock, RandomGenerator secureIds, HeartbeatProperties properties) {
        JudgeSettings defaults = JudgeSettings.defaults();
        return new HeartbeatJudge(clock, secureIds, new JudgeSettings(properties.judge().rateTolerance(),
                defaults.seekSlackSeconds(), defaults.positionSlackSeconds(), properties.judge().maxSequenceJump()));
    }

    @Bean
    PlaybackMetrics playbackMetrics(MeterRegistry meters) {
        return new PlaybackMetrics(meters);
    }

    @Bean
    PlaybackService playbackService(HeartbeatJudge judge, SessionStore store, PlaybackTokenVerifier grants, Clock clock,
            RandomGenerator secureIds, PlaybackMetrics metrics, HeartbeatProperties properties) {
        return new PlaybackService(judge, store, grants, clock, secureIds, metrics, properties.state().maxCasRetries());
    }

    @Bean(destroyMethod = "close")
    ProgressEnvelopeCodec progressEnvelopeCodec(HeartbeatProperties properties) {
        HeartbeatProperties.Emission emission = properties.emission();
        ProgressKeyRing keys = ProgressKeyRing.of(ProgressKey.fromBase64(emission.keyId(), emission.keySecret()));
        return new ProgressEnvelopeCodec(keys, ProgressEnvelopeLimits.defaults());
    }

    @Bean
    @ConditionalOnProperty(name = "baeum.heartbeat.emission.enabled", matchIfMissing = true)
    ProgressEmitter progressEmitter(RedisConnection redis, SqsAsyncClient sqs, ProgressEnvelopeCodec codec,
            HeartbeatProperties properties, MeterRegistry meters) {
        HeartbeatProperties.Emission emission = properties.emission();
        String producer = emission.producerId().isBlank() ? defaultProducerId() : emission.producerId();
        Retry retry = Retry.of("sqs-progress", RetryConfig.custom()
                .maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(100), 2.0))
                .build());
        CircuitBreaker breaker = CircuitBreaker.of("sqs-progress", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(2))
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
        io.micrometer.core.instrument.Gauge.builder("baeum.heartbeat.emission.breaker.open", breaker,
                b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0).register(meters);
        ProgressEmitter.Settings settings = new ProgressEmitter.Settings(properties.state().keyPrefix() + "events",
                emission.queue(), producer, emission.flushInterval(), emission.maxEventsPerRead(), emission.claimIdle(),
                emission.sendTimeout());
        return new ProgressEmitter(redis, sqs, codec,
                new ProgressBatchSplitter(codec.limits(), emission.maxEventsPerMessage()), settings, retry, breaker, meters);
    }

    private static String defaultProducerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "heartbeat";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt());
    }
}

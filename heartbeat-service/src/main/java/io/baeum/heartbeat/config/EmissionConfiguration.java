package io.baeum.heartbeat.config;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.baeum.contract.progress.ProgressBatchSplitter;
import io.baeum.contract.progress.ProgressEnvelopeCodec;
import io.baeum.contract.progress.ProgressEnvelopeLimits;
import io.baeum.contract.progress.ProgressKey;
import io.baeum.contract.progress.ProgressKeyRing;
import io.baeum.heartbeat.emission.ProgressEmitter;

/** Progress emission: the envelope codec and the emitter with its SQS retry and circuit breaker ({@code baeum.heartbeat.emission.*}). */
@Configuration(proxyBeanMethods = false)
class EmissionConfiguration {

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
        Retry retry = Retry.of("sqs-progress", retryConfig(emission.retry()));
        CircuitBreaker breaker = CircuitBreaker.of("sqs-progress", breakerConfig(emission.breaker()));
        io.micrometer.core.instrument.Gauge.builder("baeum.heartbeat.emission.breaker.open", breaker,
                b -> b.getState() == CircuitBreaker.State.OPEN ? 1 : 0).register(meters);
        ProgressEmitter.Settings settings = new ProgressEmitter.Settings(properties.state().keyPrefix() + "events",
                emission.queue(), producer, emission.flushInterval(), emission.maxEventsPerRead(), emission.claimIdle(),
                emission.sendTimeout());
        return new ProgressEmitter(redis, sqs, codec,
                new ProgressBatchSplitter(codec.limits(), emission.maxEventsPerMessage()), settings, retry, breaker, meters);
    }

    static RetryConfig retryConfig(HeartbeatProperties.Retry retry) {
        return RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(), retry.multiplier()))
                .build();
    }

    static CircuitBreakerConfig breakerConfig(HeartbeatProperties.Breaker breaker) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumNumberOfCalls())
                .failureRateThreshold(breaker.failureRatePercent())
                .waitDurationInOpenState(breaker.waitInOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(breaker.permittedCallsInHalfOpenState())
                .build();
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

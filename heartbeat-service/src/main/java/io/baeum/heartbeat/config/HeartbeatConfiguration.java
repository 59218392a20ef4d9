package io.baeum.heartbeat.config;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/** Infrastructure of heartbeat-service: JSON, time, randomness, the Redis connection of the hot path. */
@Configuration(proxyBeanMethods = false)
class HeartbeatConfiguration {

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
}

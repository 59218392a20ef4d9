package io.baeum.common.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A {@link RedisSessionRevocationCheck} for every application with a reactive Redis connection and
 * no {@link SessionRevocationCheck} of its own; {@code baeum.security.deny-list.enabled=false} turns
 * it off.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass(ReactiveStringRedisTemplate.class)
@ConditionalOnBean(ReactiveRedisConnectionFactory.class)
@ConditionalOnProperty(prefix = "baeum.security.deny-list", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(DenyListProperties.class)
public class SessionDenyListAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(SessionRevocationCheck.class)
    RedisSessionRevocationCheck sessionRevocationCheck(ReactiveRedisConnectionFactory connections,
            DenyListProperties properties) {
        return new RedisSessionRevocationCheck(new ReactiveStringRedisTemplate(connections), properties);
    }
}

package io.baeum.common.security;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates the {@link JwksKeySource} and {@link AccessTokenVerifier} (and a UTC {@link Clock} if the
 * application has none) when {@code baeum.security.token.jwks-uri} is set, and loads the JWKS once
 * the application is ready so that the first requests do not wait for it.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "baeum.security.token", name = "jwks-uri")
@EnableConfigurationProperties(TokenVerificationProperties.class)
public class TokenVerificationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    JwksKeySource jwksKeySource(TokenVerificationProperties properties, ObjectProvider<WebClient.Builder> webClients,
            Clock clock) {
        return JwksKeySource.of(webClients.getIfAvailable(WebClient::builder).build(), properties, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    AccessTokenVerifier accessTokenVerifier(JwksKeySource keys, TokenVerificationProperties properties, Clock clock) {
        return new AccessTokenVerifier(keys, properties, clock);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> jwksWarmUp(JwksKeySource keys) {
        return event -> keys.warmUp().subscribe();
    }

    /** Spring Security's strict firewall with cheaper header checks; Spring Security's WebFlux setup picks it up. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ServerWebExchangeFirewall.class)
    static class Firewall {

        @Bean
        @ConditionalOnMissingBean
        ServerWebExchangeFirewall serverWebExchangeFirewall() {
            return HeaderScanningFirewall.create();
        }
    }
}

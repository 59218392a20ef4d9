package io.baeum.gateway.ratelimit;

import java.security.Principal;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import io.baeum.common.security.AccessTokenAuthentication;
import io.baeum.gateway.edge.ClientAddress;
import io.baeum.gateway.edge.EdgeProperties;
import reactor.core.publisher.Mono;

/**
 * The limiters and the keys they count by. The Redis limiter ({@code redisRateLimiter}) comes from
 * Spring Cloud Gateway and lets requests through when Redis fails; the local one never needs Redis.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    @Primary
    LocalRateLimiter localRateLimiter(ConfigurationService configurationService) {
        return new LocalRateLimiter(configurationService);
    }

    /** The client's address (see {@link ClientAddress}): for requests made before logging in. */
    @Bean
    @Primary
    KeyResolver clientAddressKeyResolver(EdgeProperties edge) {
        return exchange -> Mono.just(ClientAddress.of(exchange.getRequest(), edge.trustedProxies()));
    }

    /** The login session ({@code sid}) of the verified access token, else the client's address. */
    @Bean
    KeyResolver sessionKeyResolver(EdgeProperties edge) {
        return exchange -> exchange.getPrincipal()
                .map(RateLimitConfiguration::sessionOf)
                .switchIfEmpty(Mono.fromSupplier(() -> "addr:" + ClientAddress.of(exchange.getRequest(),
                        edge.trustedProxies())));
    }

    private static String sessionOf(Principal principal) {
        return principal instanceof AccessTokenAuthentication token ? "sid:" + token.getPrincipal().sessionId()
                : "user:" + principal.getName();
    }
}

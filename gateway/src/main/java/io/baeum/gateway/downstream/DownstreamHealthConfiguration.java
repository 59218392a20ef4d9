package io.baeum.gateway.downstream;

import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class DownstreamHealthConfiguration {

    /** Contributor {@code services} (group {@code downstream}): one readiness check per configured service. */
    @Bean
    CompositeReactiveHealthContributor servicesHealthContributor(DownstreamProperties properties,
                                                                   WebClient.Builder builder) {
        WebClient client = builder.build();
        return CompositeReactiveHealthContributor.fromMap(properties.services(),
                url -> new DownstreamReadinessIndicator(client, url, properties.healthTimeout()));
    }
}

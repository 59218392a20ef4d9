package io.baeum.auth.identity;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.auth.identity.domain.IdentityVerificationProvider;
import io.baeum.auth.identity.portone.PortOneIdentityVerificationProvider;
import io.baeum.auth.identity.sandbox.SandboxIdentityVerificationProvider;

@Configuration(proxyBeanMethods = false)
class IdentityVerificationConfiguration {

    @Bean
    IdentityVerificationProvider identityVerificationProvider(IdentityVerificationProperties properties,
            ObjectProvider<WebClient.Builder> webClients, Clock clock) {
        return switch (properties.provider()) {
            case PORTONE -> new PortOneIdentityVerificationProvider(webClients.getIfAvailable(WebClient::builder),
                    properties.portone());
            case SANDBOX -> new SandboxIdentityVerificationProvider(clock);
        };
    }
}

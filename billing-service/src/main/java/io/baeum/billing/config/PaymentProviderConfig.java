package io.baeum.billing.config;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.billing.payment.domain.PaymentGateway;
import io.baeum.billing.payment.domain.WebhookSignature;
import io.baeum.billing.payment.portone.PortOneClient;
import io.baeum.billing.payment.sandbox.SandboxPortOne;

/** The payment provider by {@code baeum.billing.portone.adapter}, and the webhook verifier. */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfig {

    @Bean
    @ConditionalOnProperty(name = "baeum.billing.portone.adapter", havingValue = "portone", matchIfMissing = true)
    PaymentGateway portOne(ObjectProvider<WebClient.Builder> builder, BillingProperties properties) {
        return new PortOneClient(builder.getIfAvailable(WebClient::builder), properties.portone());
    }

    @Bean
    @ConditionalOnProperty(name = "baeum.billing.portone.adapter", havingValue = "sandbox")
    SandboxPortOne sandboxPortOne(ObjectProvider<WebClient.Builder> builder, BillingProperties properties, Clock clock) {
        return new SandboxPortOne(builder.getIfAvailable(WebClient::builder), properties.portone(), clock);
    }

    @Bean
    WebhookSignature webhookSignature(BillingProperties properties, Clock clock) {
        if (properties.portone().webhookSecrets().isEmpty()) {
            throw new IllegalStateException("configure baeum.billing.portone.webhook-secrets (whsec_..., current first)");
        }
        return new WebhookSignature(properties.portone().webhookSecrets(), properties.portone().webhookTolerance(), clock);
    }
}

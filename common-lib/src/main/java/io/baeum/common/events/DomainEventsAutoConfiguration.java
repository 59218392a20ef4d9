package io.baeum.common.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Domain events for services: the CloudEvents codec always; the outbox writer and its relay when the
 * service has both a database (R2DBC) and SQS.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration"})
public class DomainEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DomainEventCodec domainEventCodec(ObjectProvider<JsonMapper> json) {
        return new DomainEventCodec(json.getIfAvailable(JsonMapper::new));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SqsAsyncClient.class)
    @ConditionalOnBean(SqsAsyncClient.class)
    static class QueueUrls {

        @Bean
        @ConditionalOnMissingBean
        SqsQueueUrls sqsQueueUrls(SqsAsyncClient sqs) {
            return new SqsQueueUrls(sqs);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({DatabaseClient.class, SqsAsyncClient.class})
    @ConditionalOnBean({ConnectionFactory.class, SqsAsyncClient.class})
    @EnableConfigurationProperties(OutboxProperties.class)
    static class Outbox {

        @Bean
        @ConditionalOnMissingBean
        OutboxWriter outboxWriter(ConnectionFactory connections, DomainEventCodec codec) {
            return new OutboxWriter(DatabaseClient.create(connections), codec);
        }

        @Bean
        @ConditionalOnMissingBean
        OutboxRelay outboxRelay(ConnectionFactory connections, SqsAsyncClient sqs, SqsQueueUrls queueUrls,
                                OutboxProperties properties, ObjectProvider<MeterRegistry> meters) {
            return new OutboxRelay(DatabaseClient.create(connections),
                    TransactionalOperator.create(new R2dbcTransactionManager(connections)), sqs, queueUrls,
                    properties.batchSize(), properties.sendTimeout(), meters.getIfAvailable(SimpleMeterRegistry::new));
        }

        @Bean
        @ConditionalOnProperty(name = "baeum.outbox.relay-enabled", matchIfMissing = true)
        OutboxRelayScheduler outboxRelayScheduler(OutboxRelay relay, OutboxProperties properties) {
            return new OutboxRelayScheduler(relay, properties.pollInterval());
        }
    }
}

package io.baeum.rag.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.r2dbc.spi.ConnectionFactory;

/** Wiring shared by the features: the clock and transactions. */
@Configuration(proxyBeanMethods = false)
class WebConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TransactionalOperator transactionalOperator(ConnectionFactory connections) {
        return TransactionalOperator.create(new R2dbcTransactionManager(connections));
    }
}

package io.baeum.exam.config;

import io.r2dbc.spi.ConnectionFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.WebFilter;

import io.baeum.common.error.DomainException;

/** Transactions, and a constraint the database enforced (a race lost) as a 409 in the error envelope. */
@Configuration(proxyBeanMethods = false)
class WebConfig {

    @Bean
    @ConditionalOnMissingBean
    ReactiveTransactionManager reactiveTransactionManager(ConnectionFactory connections) {
        return new R2dbcTransactionManager(connections);
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactions) {
        return TransactionalOperator.create(transactions);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    WebFilter constraintConflicts() {
        return (exchange, chain) -> chain.filter(exchange)
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> DomainException.conflict("CONFLICT", "the change conflicts with the current state; reload and retry"));
    }
}

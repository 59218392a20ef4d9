package io.baeum.learning.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.server.WebFilter;

import io.r2dbc.spi.ConnectionFactory;

import io.baeum.common.web.DomainException;
import io.baeum.learning.support.RuleViolation;

/** Wiring shared by the features: the clock, transactions, and rule violations to the error envelope. */
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

    /** Domain code throws plain {@link RuleViolation}s; here they become the common-lib's {@link DomainException}. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    WebFilter ruleViolations() {
        return (exchange, chain) -> chain.filter(exchange)
                .onErrorMap(RuleViolation.class, WebConfig::toDomainException)
                .onErrorMap(DataIntegrityViolationException.class, e -> new DomainException(HttpStatus.CONFLICT,
                        "CONFLICT", "the change conflicts with existing data"));
    }

    static DomainException toDomainException(RuleViolation v) {
        HttpStatus status = switch (v.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return new DomainException(status, v.code(), v.getMessage(), v.arguments());
    }
}

package io.baeum.learning.notification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import reactor.core.publisher.Mono;

import io.baeum.learning.config.PeriodicTask;

/** The timers: the outbox trigger poller and the deadline sweep. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationTriggers {

    @Bean
    PeriodicTask notificationOutboxPoller(NotificationService service, NotificationProperties properties) {
        return new PeriodicTask("notification outbox poll", properties.pollInterval(), properties.pollEnabled()) {
            @Override
            protected Mono<?> runOnce() {
                return service.pollOutbox();
            }
        };
    }

    @Bean
    PeriodicTask notificationDeadlineSweep(NotificationService service, NotificationProperties properties) {
        return new PeriodicTask("notification deadline sweep", properties.deadlineSweepInterval(), properties.pollEnabled()) {
            @Override
            protected Mono<?> runOnce() {
                return service.sweepDeadlines();
            }
        };
    }
}

package io.baeum.learning.proxystudy;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import io.baeum.learning.config.PeriodicTask;

/** Runs the proxy-study sweep every {@code baeum.learning.proxy-study.sweep-interval}. */
@Component
class ProxyStudySweeper extends PeriodicTask {

    private final ProxyStudyService service;

    ProxyStudySweeper(ProxyStudyService service, ProxyStudyProperties properties) {
        super("proxy-study sweep", properties.sweepInterval(), properties.sweepEnabled());
        this.service = service;
    }

    @Override
    protected Mono<?> runOnce() {
        return service.sweep();
    }
}

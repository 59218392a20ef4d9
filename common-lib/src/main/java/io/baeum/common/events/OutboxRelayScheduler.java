package io.baeum.common.events;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs {@link OutboxRelay#relayAll()} every poll interval while the application runs. */
final class OutboxRelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

    private final OutboxRelay relay;
    private final Duration interval;
    private volatile Disposable running;

    OutboxRelayScheduler(OutboxRelay relay, Duration interval) {
        this.relay = relay;
        this.interval = interval;
    }

    @Override
    public void start() {
        running = Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> relay.relayAll().onErrorResume(error -> {
                    // the database may be briefly unavailable; rows stay unsent and the next pass retries
                    log.warn("outbox relay pass failed: {}", error.toString());
                    return Mono.just(0);
                }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}

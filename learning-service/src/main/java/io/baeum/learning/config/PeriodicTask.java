package io.baeum.learning.config;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A sweep run on a timer while the application runs (as common-lib's outbox relay scheduler): one pass at a time,
 * ticks dropped while a pass is still running, a failed pass logged and retried at the next tick. Each pass must
 * be idempotent (several instances may run it).
 */
public abstract class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration interval;
    private final boolean enabled;
    private volatile @org.jspecify.annotations.Nullable Disposable running;

    protected PeriodicTask(String name, Duration interval, boolean enabled) {
        this.name = name;
        this.interval = interval;
        this.enabled = enabled;
    }

    /** One pass. */
    protected abstract Mono<?> runOnce();

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> runOnce().then().onErrorResume(error -> {
                    log.warn("{} pass failed: {}", name, error.toString());
                    return Mono.empty();
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
        Disposable current = running;
        return current != null && !current.isDisposed();
    }
}

package io.baeum.learning.completion;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.learning.config.CompletionProperties;

/**
 * Decides the enrollments nobody decided while their cohort ran (no final exam result, or progress short of the
 * threshold) once the cohort ended and the grace days passed: each pass takes a batch, one transaction per
 * enrollment; a failed pass is retried on the next tick.
 */
@Component
class CompletionSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompletionSweep.class);

    private final CompletionService completions;
    private final CompletionProperties properties;
    private volatile @Nullable Disposable running;

    CompletionSweep(CompletionService completions, CompletionProperties properties) {
        this.completions = completions;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (!properties.sweepEnabled()) {
            return;
        }
        running = Flux.interval(properties.sweepInterval())
                .onBackpressureDrop()
                .concatMap(tick -> completions.sweepEndedCohorts(properties.sweepGraceDays(), properties.sweepBatch())
                        .doOnNext(n -> {
                            if (n > 0) {
                                log.info("completion sweep decided {} enrollments of ended cohorts", n);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("completion sweep pass failed: {}", e.toString());
                            return Mono.just(0L);
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

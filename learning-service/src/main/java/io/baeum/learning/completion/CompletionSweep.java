package io.baeum.learning.completion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

import io.baeum.learning.config.CompletionProperties;
import io.baeum.learning.config.PeriodicTask;

/**
 * Decides the enrollments nobody decided while their cohort ran (no final exam result, or progress short of the
 * threshold) once the cohort ended and the grace days passed: each pass takes a batch, one transaction per
 * enrollment; a failed pass is retried on the next tick.
 */
@Component
class CompletionSweep extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(CompletionSweep.class);

    private final CompletionService completions;
    private final CompletionProperties properties;

    CompletionSweep(CompletionService completions, CompletionProperties properties) {
        super("completion sweep", properties.sweepInterval(), properties.sweepEnabled());
        this.completions = completions;
        this.properties = properties;
    }

    @Override
    protected Mono<?> runOnce() {
        return completions.sweepEndedCohorts(properties.sweepGraceDays(), properties.sweepBatch())
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("completion sweep decided {} enrollments of ended cohorts", n);
                    }
                });
    }
}

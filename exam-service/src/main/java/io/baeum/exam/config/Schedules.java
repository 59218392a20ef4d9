package io.baeum.exam.config;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.exam.attempt.Attempts;
import io.baeum.exam.grading.Grading;
import io.baeum.exam.grading.persistence.GradeStore;
import io.baeum.exam.similarity.CopiedAnswers;

/**
 * The background work, while the application runs: the sweep that submits overdue attempts at their
 * deadline (every instance may run it: rows are locked per pass, and a submitted attempt is never
 * submitted again), the copied-answer check of evaluations whose window closed, and the grading-queue
 * gauge. A failed pass (the database restarting) is logged and the next pass retries.
 */
@Component
class Schedules implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Schedules.class);

    private final Attempts attempts;
    private final CopiedAnswers copied;
    private final Grading grading;
    private final ExamProperties.Attempts properties;
    private final AtomicLong queueSize = new AtomicLong();
    private volatile List<Disposable> running = List.of();

    Schedules(Attempts attempts, CopiedAnswers copied, Grading grading, ExamProperties properties, MeterRegistry meters) {
        this.attempts = attempts;
        this.copied = copied;
        this.grading = grading;
        this.properties = properties.attempts();
        Gauge.builder("baeum.exam.grading.queue", queueSize, AtomicLong::get).description("parts waiting for a person").register(meters);
    }

    @Override
    public void start() {
        if (!properties.sweepEnabled()) {
            return;
        }
        Duration interval = properties.sweepInterval();
        running = List.of(
                every(interval, attempts::sweepOnce, "attempt sweep"),
                every(interval.multipliedBy(6), copied::checkClosed, "copied-answer check"),
                every(interval.multipliedBy(3), () -> grading.queueSize(new GradeStore.QueueFilter(null, null, null))
                        .doOnNext(queueSize::set).map(Long::intValue), "grading queue gauge"));
    }

    private static Disposable every(Duration interval, java.util.function.Supplier<Mono<Integer>> pass, String name) {
        return Flux.interval(interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.defer(pass).onErrorResume(error -> {
                    log.warn("{} pass failed: {}", name, error.toString());
                    return Mono.just(0);
                }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        running.forEach(Disposable::dispose);
        running = List.of();
    }

    @Override
    public boolean isRunning() {
        return !running.isEmpty();
    }
}

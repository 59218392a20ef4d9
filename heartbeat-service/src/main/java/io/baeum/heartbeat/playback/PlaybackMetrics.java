package io.baeum.heartbeat.playback;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.baeum.heartbeat.playback.domain.BeatOutcome;
import io.baeum.heartbeat.playback.domain.Directive;
import io.baeum.heartbeat.playback.domain.RefusalReason;

/** Meters of the judge: beats (rate = beats/s), credited seconds, refusals by reason, directives by type. */
public class PlaybackMetrics {

    private final MeterRegistry registry;
    private final Counter beats;
    private final Counter creditedSeconds;
    private final Counter creditedStudySeconds;
    private final Counter sessions;
    private final Counter concurrent;
    private final ConcurrentMap<RefusalReason, Counter> refusals = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, Counter> directives = new ConcurrentHashMap<>();

    public PlaybackMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.beats = Counter.builder("baeum.heartbeat.beats").description("heartbeats judged").register(registry);
        this.creditedSeconds = Counter.builder("baeum.heartbeat.credited.media").baseUnit("seconds")
                .description("media seconds newly credited").register(registry);
        this.creditedStudySeconds = Counter.builder("baeum.heartbeat.credited.study").baseUnit("seconds")
                .description("study time credited").register(registry);
        this.sessions = Counter.builder("baeum.heartbeat.sessions.started").register(registry);
        this.concurrent = Counter.builder("baeum.heartbeat.sessions.concurrent.terminated")
                .description("sessions ended because the account started playback elsewhere").register(registry);
    }

    void beatJudged(BeatOutcome outcome) {
        beats.increment();
        if (outcome.creditedSeconds() > 0) {
            creditedSeconds.increment(outcome.creditedSeconds());
        }
        if (outcome.creditedMillis() > 0) {
            creditedStudySeconds.increment(outcome.creditedMillis() / 1000.0);
        }
        if (outcome.refusal() != null) {
            refusals.computeIfAbsent(outcome.refusal(), reason -> Counter.builder("baeum.heartbeat.refusals")
                    .tag("reason", reason.name()).description("intervals refused credit").register(registry)).increment();
        }
        for (Directive directive : outcome.directives()) {
            directives.computeIfAbsent(directive.getClass(), type -> Counter.builder("baeum.heartbeat.directives")
                    .tag("type", DirectiveNames.of(directive)).register(registry)).increment();
        }
    }

    void sessionStarted() {
        sessions.increment();
    }

    void concurrentSessionTerminated() {
        concurrent.increment();
    }
}

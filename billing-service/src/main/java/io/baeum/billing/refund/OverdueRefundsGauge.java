package io.baeum.billing.refund;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.billing.config.BillingProperties;

/**
 * Keeps the {@code baeum.billing.refunds.overdue} gauge current: counted at start and every
 * {@code sweep.interval} (whether or not this instance sweeps payments), so an alert fires on refunds
 * left open past 5 days even when no admin opens the list.
 */
@Component
class OverdueRefundsGauge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverdueRefundsGauge.class);

    private final RefundService refunds;
    private final Duration every;
    private volatile @Nullable Disposable ticker;

    OverdueRefundsGauge(RefundService refunds, BillingProperties properties) {
        this.refunds = refunds;
        this.every = properties.sweep().interval();
    }

    @Override
    public void start() {
        ticker = Flux.interval(Duration.ZERO, every)
                .onBackpressureDrop()
                .concatMap(tick -> refunds.refreshOverdue().onErrorResume(e -> {
                    log.warn("overdue refunds not counted: {}", e.toString());
                    return Mono.empty();
                }), 0)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable t = ticker;
        if (t != null) {
            t.dispose();
        }
        ticker = null;
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }
}

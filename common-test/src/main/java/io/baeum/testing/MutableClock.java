package io.baeum.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A UTC clock a test moves by hand: either standing still at a start instant ({@link #MutableClock(Instant)})
 * or running with the system time ({@link #runningWithSystemTime()}); either way plus an offset that
 * {@link #advance}, {@link #set} and {@link #reset} change. Thread-safe, so a service under test may read it
 * from any thread.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Stands still at {@code start} until moved. */
    public MutableClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    private MutableClock(Clock base) {
        this.base = base;
    }

    /** Runs with the system time; moving it shifts it from there. */
    public static MutableClock runningWithSystemTime() {
        return new MutableClock(Clock.systemUTC());
    }

    public void advance(Duration duration) {
        offset.updateAndGet(current -> current.plus(duration));
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** Makes {@link #instant()} answer {@code instant} now (a running clock runs on from there). */
    public void set(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    /** Back to the base: the start instant, or the system time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // tests compare instants; time zones are applied explicitly where the domain needs them (Asia/Seoul)
        return this;
    }
}

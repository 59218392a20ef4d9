package io.baeum.heartbeat.support;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound before any test runs (registered in {@code META-INF/services}), so a blocking call on
 * a non-blocking thread (Netty, Lettuce, Reactor parallel) fails the test that made it.
 */
public final class BlockHoundInstaller implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        BlockHound.install(builder -> builder
                // class loading and logging setup read files once; not on the per-request path
                .allowBlockingCallsInside("java.util.UUID", "randomUUID")
                .allowBlockingCallsInside("ch.qos.logback.classic.spi.LoggingEvent", "getThreadName")
                .allowBlockingCallsInside("java.util.concurrent.ScheduledThreadPoolExecutor", "schedule")
                // Lettuce 6.8 guards a channel write with a ReentrantLock held for microseconds (no I/O)
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters")
                .allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters")
                // Hibernate Validator loads its message bundles on the first violation, then caches them
                .allowBlockingCallsInside("org.hibernate.validator.resourceloading.PlatformResourceBundleLocator", "loadBundle")
                // common-lib's error handler loads its message bundles on first use, then caches them
                .allowBlockingCallsInside("org.springframework.context.support.ResourceBundleMessageSource", "getResourceBundle")
                // the AWS SDK closes its connection pools on Netty's global executor when the client shuts down
                .allowBlockingCallsInside("io.netty.channel.pool.SimpleChannelPool", "close"));
    }
}

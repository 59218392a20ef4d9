package io.baeum.suite.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.baeum.suite.support.Suite.Service;

/**
 * The operator's hands: {@code deploy/local/service.sh stop|start|kill <name>} of the checkout that started the
 * suite, for its services, its ElasticMQ and the machine's Redis and PostgreSQL.
 */
public final class Launcher {

    private static final long TIMEOUT_SECONDS = 240;

    private Launcher() {
    }

    public static void stop(Service service) {
        run("stop", service);
    }

    /** Starts it the way up.sh does and returns once it reports ready. */
    public static void start(Service service) {
        run("start", service);
    }

    /** {@code kill -9}: a crash, no shutdown hook; it stays down until {@link #start(Service)}. */
    public static void kill(Service service) {
        run("kill", service);
    }

    private static void run(String action, Service service) {
        run(action, service.launcherName());
    }

    /**
     * {@code service.sh <action> <name>} for what is not one of {@link Service}: {@code elasticmq} (stop, start,
     * kill), {@code redis} and {@code postgresql} (stop, start, restart; the machine's, shared).
     */
    public static void run(String action, String name) {
        Path script = Suite.root().resolve("deploy/local/service.sh");
        ProcessBuilder command = new ProcessBuilder(script.toString(), action, name)
                .directory(Suite.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = command.start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroy();
            }
            assertThat(finished).as("%s %s %s finished within %d s", script, action, name, TIMEOUT_SECONDS).isTrue();
            assertThat(process.exitValue()).as("exit code of %s %s %s", script, action, name).isZero();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }
}

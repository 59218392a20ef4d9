package io.baeum.suite.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.baeum.suite.support.Suite.Service;

/** The operator's hands: {@code deploy/local/service.sh stop|start <service>} of the checkout that started the suite. */
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

    private static void run(String action, Service service) {
        Path script = Suite.root().resolve("deploy/local/service.sh");
        ProcessBuilder command = new ProcessBuilder(script.toString(), action, service.launcherName())
                .directory(Suite.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        try {
            Process process = command.start();
            boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                process.destroy();
            }
            assertThat(finished).as("%s %s %s finished within %d s", script, action, service, TIMEOUT_SECONDS).isTrue();
            assertThat(process.exitValue()).as("exit code of %s %s %s", script, action, service).isZero();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }
}

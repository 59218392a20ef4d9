package io.baeum.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Where the test infrastructure lives: environment variables with local defaults matching
 * {@code deploy/local/install.sh} (PostgreSQL and Redis on 127.0.0.1, role {@code baeum}), or the
 * containers Testcontainers started ({@link InfrastructureSource} decides which).
 *
 * <ul>
 *   <li>{@code BAEUM_TEST_PG_HOST}, {@code BAEUM_TEST_PG_PORT}, {@code BAEUM_TEST_PG_USER},
 *       {@code BAEUM_TEST_PG_PASSWORD} — a PostgreSQL role allowed to create databases;</li>
 *   <li>{@code BAEUM_TEST_REDIS_HOST}, {@code BAEUM_TEST_REDIS_PORT};</li>
 *   <li>{@code BAEUM_TEST_INFRA} — {@code servers} or {@code containers} to skip the probing.</li>
 * </ul>
 */
record InfrastructureSettings(String pgHost, int pgPort, String pgUser, String pgPassword,
                              String redisHost, int redisPort) {

    private static final int PROBE_TIMEOUT_MILLIS = 1_000;

    private static InfrastructureSettings resolved;

    /** This JVM's servers, chosen once (the first test class to need them may start containers). */
    static synchronized InfrastructureSettings resolve() {
        if (resolved == null) {
            InfrastructureSettings configured = fromEnvironment();
            resolved = switch (InfrastructureSource.choose(System.getenv(), configured::reachable, TestContainers::dockerReachable)) {
                case SERVERS -> configured;
                case CONTAINERS -> TestContainers.start();
            };
        }
        return resolved;
    }

    static InfrastructureSettings fromEnvironment() {
        return new InfrastructureSettings(
                env("BAEUM_TEST_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env("BAEUM_TEST_PG_PORT", "5432")),
                env("BAEUM_TEST_PG_USER", "baeum"),
                env("BAEUM_TEST_PG_PASSWORD", "baeum"),
                env("BAEUM_TEST_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(env("BAEUM_TEST_REDIS_PORT", "6379")));
    }

    /** Both servers accept a TCP connection. */
    boolean reachable() {
        return accepts(pgHost, pgPort) && accepts(redisHost, redisPort);
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

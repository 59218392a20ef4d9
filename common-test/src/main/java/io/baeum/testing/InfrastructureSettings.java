package io.baeum.testing;

/**
 * Where the test infrastructure lives: environment variables with local defaults matching
 * {@code deploy/local/install.sh} (PostgreSQL and Redis on 127.0.0.1, role {@code baeum}).
 *
 * <ul>
 *   <li>{@code BAEUM_TEST_PG_HOST}, {@code BAEUM_TEST_PG_PORT}, {@code BAEUM_TEST_PG_USER},
 *       {@code BAEUM_TEST_PG_PASSWORD} — a PostgreSQL role allowed to create databases;</li>
 *   <li>{@code BAEUM_TEST_REDIS_HOST}, {@code BAEUM_TEST_REDIS_PORT}.</li>
 * </ul>
 */
record InfrastructureSettings(String pgHost, int pgPort, String pgUser, String pgPassword,
                              String redisHost, int redisPort) {

    static InfrastructureSettings fromEnvironment() {
        return new InfrastructureSettings(
                env("BAEUM_TEST_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env("BAEUM_TEST_PG_PORT", "5432")),
                env("BAEUM_TEST_PG_USER", "baeum"),
                env("BAEUM_TEST_PG_PASSWORD", "baeum"),
                env("BAEUM_TEST_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(env("BAEUM_TEST_REDIS_PORT", "6379")));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

package io.baeum.testing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Where a test JVM's PostgreSQL and Redis come from, in this order:
 * <ol>
 *   <li>{@link #SERVERS} named by the environment — any of {@code BAEUM_TEST_PG_HOST}, {@code BAEUM_TEST_PG_PORT},
 *       {@code BAEUM_TEST_REDIS_HOST}, {@code BAEUM_TEST_REDIS_PORT} set (see {@link InfrastructureSettings});</li>
 *   <li>{@link #SERVERS} at the local defaults (127.0.0.1:5432 and :6379) when both accept a connection: a
 *       machine prepared by {@code deploy/local/install.sh}, as CI's is (it has no Docker engine), counts as
 *       configured, so {@code deploy/local/test.sh} and a plain {@code ./mvnw verify} need no variables;</li>
 *   <li>{@link #CONTAINERS} (Testcontainers: {@code pgvector/pgvector:pg15}, {@code redis:7}) when a Docker
 *       engine is reachable;</li>
 *   <li>otherwise a failure at once, saying what to install or set.</li>
 * </ol>
 * {@code BAEUM_TEST_INFRA=servers} or {@code =containers} skips the probing (e.g. containers on a machine
 * that also runs local servers). ElasticMQ always runs in the test JVM ({@link TestSqs}).
 */
enum InfrastructureSource {

    SERVERS,
    CONTAINERS;

    static final String CHOICE_VARIABLE = "BAEUM_TEST_INFRA";
    static final List<String> SERVER_VARIABLES =
            List.of("BAEUM_TEST_PG_HOST", "BAEUM_TEST_PG_PORT", "BAEUM_TEST_REDIS_HOST", "BAEUM_TEST_REDIS_PORT");

    static final String NOTHING_AVAILABLE = "no PostgreSQL/Redis for the tests: nothing listens on 127.0.0.1:5432 "
            + "and :6379, no BAEUM_TEST_PG_*/BAEUM_TEST_REDIS_* variable names a server, and no Docker engine is "
            + "reachable. Either run deploy/local/install.sh (installs PostgreSQL 15 + pgvector and Redis), or set "
            + "BAEUM_TEST_PG_HOST/_PORT/_USER/_PASSWORD and BAEUM_TEST_REDIS_HOST/_PORT, or start a Docker engine "
            + "(Testcontainers then runs pgvector/pgvector:pg15 and redis:7; DOCKER_HOST if it is not local).";

    /**
     * The choice, from the environment and two probes, which are asked only when needed and in this order.
     *
     * @throws IllegalStateException when nothing is available, with what to install or set
     */
    static InfrastructureSource choose(Map<String, String> environment, BooleanSupplier localServersReachable,
                                       BooleanSupplier dockerReachable) {
        String forced = environment.getOrDefault(CHOICE_VARIABLE, "").strip().toLowerCase(Locale.ROOT);
        switch (forced) {
            case "" -> {
                // probe below
            }
            case "servers" -> {
                return SERVERS;
            }
            case "containers" -> {
                if (dockerReachable.getAsBoolean()) {
                    return CONTAINERS;
                }
                throw new IllegalStateException(CHOICE_VARIABLE + "=containers, but no Docker engine is reachable "
                        + "(start one, or set DOCKER_HOST)");
            }
            default -> throw new IllegalStateException(CHOICE_VARIABLE + " must be 'servers' or 'containers', not '"
                    + environment.get(CHOICE_VARIABLE) + "'");
        }
        boolean named = SERVER_VARIABLES.stream().anyMatch(name -> !environment.getOrDefault(name, "").isBlank());
        if (named || localServersReachable.getAsBoolean()) {
            return SERVERS;
        }
        if (dockerReachable.getAsBoolean()) {
            return CONTAINERS;
        }
        throw new IllegalStateException(NOTHING_AVAILABLE);
    }
}

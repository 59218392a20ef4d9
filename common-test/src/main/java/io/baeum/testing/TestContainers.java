package io.baeum.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL (with pgvector) and Redis in containers, started once per test JVM and shared by its test
 * classes, which still get a database and a Redis logical database of their own ({@link TestDatabase},
 * {@link TestRedis}). Testcontainers' reaper removes them when the JVM ends.
 */
final class TestContainers {

    static final DockerImageName POSTGRES = DockerImageName.parse("pgvector/pgvector:pg15").asCompatibleSubstituteFor("postgres");
    static final DockerImageName REDIS = DockerImageName.parse("redis:7");
    private static final int REDIS_PORT = 6379;

    private TestContainers() {
    }

    static boolean dockerReachable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Starts both containers and returns where they listen. */
    @SuppressWarnings("resource") // they live as long as the JVM; the reaper stops them
    static InfrastructureSettings start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer(POSTGRES)
                .withUsername("baeum").withPassword("baeum").withDatabaseName("baeum");
        GenericContainer<?> redis = new GenericContainer<>(REDIS).withExposedPorts(REDIS_PORT);
        Startables.deepStart(postgres, redis).join();
        return new InfrastructureSettings(postgres.getHost(), postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                postgres.getUsername(), postgres.getPassword(), redis.getHost(), redis.getMappedPort(REDIS_PORT));
    }
}

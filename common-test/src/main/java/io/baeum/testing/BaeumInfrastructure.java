package io.baeum.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * JUnit 5 extension giving a test class real infrastructure of its own: a fresh PostgreSQL database
 * (dropped afterwards), a clean Redis logical database, and an in-JVM ElasticMQ with queues and DLQs.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("progress-events");
 *
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     infra.registerProperties(registry);
 * }
 * }</pre>
 *
 * Servers come from the environment, or the local ones {@code deploy/local/install.sh} set up, or else
 * Testcontainers when a Docker engine is reachable ({@link InfrastructureSource}). Nothing is faked: when
 * none is available the first test class fails at once, saying what to install or set.
 */
public final class BaeumInfrastructure implements BeforeAllCallback, AfterAllCallback {

    private final boolean postgres;
    private final boolean redis;
    private final List<String> queues;
    private final Duration visibilityTimeout;

    private TestDatabase database;
    private TestRedis redisDb;
    private TestSqs sqs;

    private BaeumInfrastructure(boolean postgres, boolean redis, List<String> queues, Duration visibilityTimeout) {
        this.postgres = postgres;
        this.redis = redis;
        this.queues = List.copyOf(queues);
        this.visibilityTimeout = visibilityTimeout;
    }

    /** Nothing yet; add what the test needs. */
    public static BaeumInfrastructure create() {
        return new BaeumInfrastructure(false, false, List.of(), Duration.ofSeconds(30));
    }

    public BaeumInfrastructure withPostgres() {
        return new BaeumInfrastructure(true, redis, queues, visibilityTimeout);
    }

    public BaeumInfrastructure withRedis() {
        return new BaeumInfrastructure(postgres, true, queues, visibilityTimeout);
    }

    /** ElasticMQ with these queues, each with a {@code -dlq}. */
    public BaeumInfrastructure withSqs(String... queueNames) {
        List<String> all = new ArrayList<>(queues);
        all.addAll(List.of(queueNames));
        return new BaeumInfrastructure(postgres, redis, all, visibilityTimeout);
    }

    /** Visibility timeout of the created queues (tests of redelivery want it short). */
    public BaeumInfrastructure withVisibilityTimeout(Duration timeout) {
        return new BaeumInfrastructure(postgres, redis, queues, timeout);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        InfrastructureSettings settings = InfrastructureSettings.resolve();
        String owner = context.getRequiredTestClass().getSimpleName();
        if (postgres) {
            database = TestDatabase.create(settings, owner);
        }
        if (redis) {
            redisDb = TestRedis.lease(settings);
        }
        if (!queues.isEmpty()) {
            sqs = TestSqs.start(queues, visibilityTimeout);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sqs != null) {
            sqs.stop();
        }
        if (redisDb != null) {
            redisDb.release();
        }
        if (database != null) {
            database.drop();
        }
    }

    /**
     * Points Spring Boot at this class's infrastructure: R2DBC and Flyway, Redis, and Spring Cloud
     * AWS SQS (endpoint, region, static test credentials).
     */
    public void registerProperties(DynamicPropertyRegistry registry) {
        if (postgres) {
            registry.add("spring.r2dbc.url", () -> database().r2dbcUrl());
            registry.add("spring.r2dbc.username", () -> database().username());
            registry.add("spring.r2dbc.password", () -> database().password());
            registry.add("spring.flyway.url", () -> database().jdbcUrl());
            registry.add("spring.flyway.user", () -> database().username());
            registry.add("spring.flyway.password", () -> database().password());
        }
        if (redis) {
            registry.add("spring.data.redis.host", () -> redis().host());
            registry.add("spring.data.redis.port", () -> redis().port());
            registry.add("spring.data.redis.database", () -> redis().database());
        }
        if (!queues.isEmpty()) {
            registry.add("spring.cloud.aws.sqs.endpoint", () -> sqs().endpoint().toString());
            registry.add("spring.cloud.aws.region.static", () -> TestSqs.REGION);
            registry.add("spring.cloud.aws.credentials.access-key", () -> TestSqs.ACCESS_KEY);
            registry.add("spring.cloud.aws.credentials.secret-key", () -> TestSqs.SECRET_KEY);
        }
    }

    public boolean hasPostgres() {
        return postgres;
    }

    public TestDatabase database() {
        return started(database, "withPostgres()");
    }

    public TestRedis redis() {
        return started(redisDb, "withRedis()");
    }

    public TestSqs sqs() {
        return started(sqs, "withSqs(...)");
    }

    private static <T> T started(T resource, String how) {
        if (resource == null) {
            throw new IllegalStateException("not available: register the extension with " + how
                    + " and use it from a test, after beforeAll");
        }
        return resource;
    }
}

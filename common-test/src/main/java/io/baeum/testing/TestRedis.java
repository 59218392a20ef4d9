package io.baeum.testing;

import java.time.Duration;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A clean Redis logical database (1–15) on the real server, leased for one test class.
 *
 * <p>Test JVMs of different modules may run side by side, so a database is leased with a lock key in
 * database 0 (expiring on its own if a JVM dies) and flushed before and after use.
 */
public final class TestRedis {

    private static final Duration LEASE = Duration.ofMinutes(30);

    private final InfrastructureSettings settings;
    private final int database;
    private final String lockKey;
    private final String owner;
    private final RedisClient client;

    private TestRedis(InfrastructureSettings settings, int database, String lockKey, String owner, RedisClient client) {
        this.settings = settings;
        this.database = database;
        this.lockKey = lockKey;
        this.owner = owner;
        this.client = client;
    }

    static TestRedis lease(InfrastructureSettings settings) {
        RedisClient client = RedisClient.create(RedisURI.create(settings.redisHost(), settings.redisPort()));
        String owner = UUID.randomUUID().toString();
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            for (int db = 1; db <= 15; db++) {
                String key = "baeum:test:lease:" + db;
                if ("OK".equals(connection.sync().set(key, owner, SetArgs.Builder.nx().px(LEASE.toMillis())))) {
                    TestRedis redis = new TestRedis(settings, db, key, owner, client);
                    redis.flush();
                    return redis;
                }
            }
        } catch (RuntimeException e) {
            client.shutdown();
            throw new IllegalStateException("Redis at " + settings.redisHost() + ":" + settings.redisPort()
                    + " is not usable (run deploy/local/install.sh, or set BAEUM_TEST_REDIS_*)", e);
        }
        client.shutdown();
        throw new IllegalStateException("all 15 Redis test databases are leased");
    }

    void release() {
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            flush();
            if (owner.equals(connection.sync().get(lockKey))) {
                connection.sync().del(lockKey);
            }
        } finally {
            client.shutdown();
        }
    }

    /** Deletes every key of the leased database. */
    public void flush() {
        try (StatefulRedisConnection<String, String> connection = client.connect(uri())) {
            connection.sync().flushdb();
        }
    }

    /** Sets {@code key} to {@code value} in the leased database, as another service would. */
    public void set(String key, String value) {
        try (StatefulRedisConnection<String, String> connection = client.connect(uri())) {
            connection.sync().set(key, value);
        }
    }

    public String host() {
        return settings.redisHost();
    }

    public int port() {
        return settings.redisPort();
    }

    /** The leased logical database index. */
    public int database() {
        return database;
    }

    /** A URI for the leased database, for a test's own Lettuce client. */
    public RedisURI uri() {
        return RedisURI.builder().withHost(settings.redisHost()).withPort(settings.redisPort())
                .withDatabase(database).build();
    }
}

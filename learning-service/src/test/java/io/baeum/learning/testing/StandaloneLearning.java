package io.baeum.learning.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.baeum.learning.LearningApplication;

/**
 * learning-service started by hand (no JUnit extension): a fresh PostgreSQL database, an in-JVM
 * ElasticMQ with the queues, no web server. For test engines other than Jupiter (jqwik properties)
 * and for the benchmark harness.
 */
public final class StandaloneLearning implements AutoCloseable {

    private static final String HOST = env("BAEUM_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("BAEUM_TEST_PG_PORT", "5432");
    private static final String USER = env("BAEUM_TEST_PG_USER", "baeum");
    private static final String PASSWORD = env("BAEUM_TEST_PG_PASSWORD", "baeum");

    private final String database;
    private final SQSRestServer sqs;
    private final ConfigurableApplicationContext context;

    private StandaloneLearning(String owner, Map<String, Object> extra) {
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        database = "baeum_test_" + owner + "_" + HexFormat.of().formatHex(suffix);
        admin("CREATE DATABASE " + database);
        sqs = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().start();
        int sqsPort = sqs.waitUntilStarted().localAddress().getPort();
        var properties = new java.util.HashMap<String, Object>(Map.of(
                "spring.r2dbc.url", "r2dbc:postgresql://" + HOST + ":" + PORT + "/" + database,
                "spring.r2dbc.username", USER, "spring.r2dbc.password", PASSWORD,
                "spring.flyway.url", jdbcUrl(), "spring.flyway.user", USER, "spring.flyway.password", PASSWORD,
                "spring.cloud.aws.sqs.endpoint", "http://127.0.0.1:" + sqsPort,
                "spring.cloud.aws.credentials.access-key", "test", "spring.cloud.aws.credentials.secret-key", "test"));
        properties.put("baeum.outbox.relay-enabled", "false");
        properties.putAll(extra);
        var client = software.amazon.awssdk.services.sqs.SqsAsyncClient.builder()
                .endpointOverride(java.net.URI.create("http://127.0.0.1:" + sqsPort))
                .region(software.amazon.awssdk.regions.Region.AP_NORTHEAST_2)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"))).build();
        for (String queue : new String[] {"progress-events", "progress-events-dlq", "learning-events", "learning-events-dlq"}) {
            client.createQueue(b -> b.queueName(queue)).join();
        }
        client.close();
        // command-line arguments: they outrank every configuration file (default properties would not)
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        context = new SpringApplicationBuilder(LearningApplication.class).web(WebApplicationType.NONE).run(args);
    }

    public static StandaloneLearning start(String owner) {
        return new StandaloneLearning(owner, Map.of());
    }

    public static StandaloneLearning start(String owner, Map<String, Object> extra) {
        return new StandaloneLearning(owner, extra);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
    }

    @Override
    public void close() {
        context.close();
        sqs.stopAndWait();
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

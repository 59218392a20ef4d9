package io.baeum.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

class BaeumInfrastructureTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create()
            .withPostgres()
            .withRedis()
            .withSqs("progress-events")
            .withVisibilityTimeout(Duration.ofSeconds(1));

    @Test
    void theDatabaseIsFreshAndWritable() throws SQLException {
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            statement.execute("CREATE TABLE probe (id int PRIMARY KEY)");
            statement.execute("INSERT INTO probe VALUES (1)");
        }
        assertThat(infra.database().name()).startsWith("baeum_test_baeuminfrastructuretests_");
    }

    @Test
    void aDroppedDatabaseIsGone() {
        TestDatabase database = TestDatabase.create(InfrastructureSettings.resolve(), "dropped");
        database.drop();
        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password()).close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void theRedisDatabaseIsLeasedCleanAndNotTheDefaultOne() {
        assertThat(infra.redis().database()).isBetween(1, 15);
        RedisClient client = RedisClient.create(infra.redis().uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            assertThat(connection.sync().dbsize()).isZero();
            connection.sync().set("probe", "1");
            infra.redis().flush();
            assertThat(connection.sync().exists("probe")).isZero();
        } finally {
            client.shutdown();
        }
    }

    @Test
    void aMessageReceivedTooOftenLandsInTheDeadLetterQueue() {
        var client = infra.sqs().client();
        String url = infra.sqs().queueUrl("progress-events");
        client.sendMessage(b -> b.queueUrl(url).messageBody("poison")).join();

        // never deleted: each receive counts; after MAX_RECEIVE_COUNT the queue redrives it
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(0)).join();
            return infra.sqs().visibleMessages("progress-events-dlq") == 1;
        });
        assertThat(infra.sqs().drain("progress-events-dlq", 10))
                .singleElement()
                .satisfies(m -> assertThat(m.body()).isEqualTo("poison"));
    }
}

package io.baeum.common.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestSqs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

class OutboxRelayIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("learning-events");

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC);
    static final URI SOURCE = URI.create("/auth-service");

    static ConnectionPool connections;
    static DatabaseClient database;
    static TransactionalOperator transactions;
    static DomainEventCodec codec = new DomainEventCodec(JsonMapper.builder().build());

    @BeforeAll
    static void schema() throws IOException, SQLException {
        String sql = new ClassPathResource("db/baeum-common/V0_1__outbox_and_inbox.sql").getContentAsString(StandardCharsets.UTF_8);
        try (Connection c = infra.database().connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(infra.database().r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, infra.database().username())
                .option(ConnectionFactoryOptions.PASSWORD, infra.database().password())
                .build();
        connections = new ConnectionPool(ConnectionPoolConfiguration.builder(ConnectionFactories.get(options)).maxSize(6).build());
        database = DatabaseClient.create(connections);
        transactions = TransactionalOperator.create(new R2dbcTransactionManager(connections));
    }

    @AfterAll
    static void close() {
        connections.dispose();
    }

    @BeforeEach
    void emptyOutboxAndQueue() {
        database.sql("DELETE FROM outbox_event").then().block();
        infra.sqs().drain("learning-events", 1000);
    }

    @Test
    void anEventWrittenInARolledBackTransactionIsNeverSent() {
        OutboxWriter writer = new OutboxWriter(database, codec);
        Mono<Void> failingChange = writer.append("learning-events", event("acct-1"))
                .then(Mono.error(new IllegalStateException("the business change failed")));

        StepVerifier.create(failingChange.as(transactions::transactional)).expectError(IllegalStateException.class).verify();

        assertThat(count("SELECT count(*) FROM outbox_event")).isZero();
        StepVerifier.create(relay(infra.sqs().client()).relayAll()).expectNext(0).verifyComplete();
        assertThat(infra.sqs().visibleMessages("learning-events")).isZero();
    }

    @Test
    void committedEventsAreSentAsCloudEventsJsonAndMarkedSent() {
        OutboxWriter writer = new OutboxWriter(database, codec);
        List<DomainEvent> events = IntStream.range(0, 23).mapToObj(i -> event("acct-" + i)).toList();
        Flux.fromIterable(events).concatMap(e -> writer.append("learning-events", e)).then()
                .as(transactions::transactional).block();

        StepVerifier.create(relay(infra.sqs().client()).relayAll()).expectNext(23).verifyComplete();

        assertThat(count("SELECT count(*) FROM outbox_event WHERE sent_at IS NOT NULL AND attempts = 1")).isEqualTo(23);
        List<Message> received = infra.sqs().drain("learning-events", 100);
        assertThat(received).hasSize(23);
        DomainEvent first = codec.read(received.getFirst().body());
        assertThat(first.type()).isEqualTo("io.baeum.auth.SessionRevoked.v1");
        assertThat(first.source()).isEqualTo(SOURCE);
        assertThat(first.time()).isEqualTo(CLOCK.instant());
        assertThat(received.stream().map(m -> codec.read(m.body()).id()).collect(Collectors.toSet()))
                .isEqualTo(events.stream().map(DomainEvent::id).collect(Collectors.toSet()));
    }

    @Test
    void whileSqsIsUnreachableEventsStayUnsentAndGoOutOnceItIsBack() {
        OutboxWriter writer = new OutboxWriter(database, codec);
        writer.append("learning-events", event("acct-outage")).as(transactions::transactional).block();

        try (SqsAsyncClient unreachable = client(URI.create("http://127.0.0.1:9"))) {
            StepVerifier.create(relay(unreachable).relayAll()).expectNext(0).verifyComplete();
        }
        assertThat(count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND attempts = 1 AND last_error IS NOT NULL"))
                .isEqualTo(1);

        StepVerifier.create(relay(infra.sqs().client()).relayAll()).expectNext(1).verifyComplete();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE sent_at IS NOT NULL AND last_error IS NULL")).isEqualTo(1);
        assertThat(infra.sqs().drain("learning-events", 10)).hasSize(1);
    }

    @Test
    void concurrentRelaysSendEveryEventExactlyOnce() {
        OutboxWriter writer = new OutboxWriter(database, codec);
        Flux.range(0, 60).concatMap(i -> writer.append("learning-events", event("acct-" + i))).then()
                .as(transactions::transactional).block();

        Integer total = Flux.range(0, 4)
                .flatMap(i -> new OutboxRelay(database, transactions, infra.sqs().client(), 7, Duration.ofSeconds(10),
                        new SimpleMeterRegistry()).relayAll())
                .reduce(0, Integer::sum)
                .block();

        assertThat(total).isEqualTo(60);
        List<Message> received = infra.sqs().drain("learning-events", 200);
        Set<String> ids = received.stream().map(m -> codec.read(m.body()).id()).collect(Collectors.toSet());
        assertThat(received).hasSize(60);
        assertThat(ids).hasSize(60);
    }

    private static DomainEvent event(String account) {
        return codec.create("io.baeum.auth.SessionRevoked.v1", SOURCE, account, Map.of("sessionId", "sid-" + account), CLOCK);
    }

    private static OutboxRelay relay(SqsAsyncClient sqs) {
        return new OutboxRelay(database, transactions, sqs, 10, Duration.ofSeconds(3), new SimpleMeterRegistry());
    }

    private static SqsAsyncClient client(URI endpoint) {
        return SqsAsyncClient.builder().endpointOverride(endpoint).region(Region.of(TestSqs.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    private static long count(String sql) {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

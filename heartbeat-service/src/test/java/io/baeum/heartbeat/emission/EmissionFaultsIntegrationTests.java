package io.baeum.heartbeat.emission;

import static io.baeum.heartbeat.support.PlaybackGrants.aGrant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.contract.progress.ProgressEvent;
import io.baeum.contract.progress.ProgressEventKind.WatchCredited;
import io.baeum.heartbeat.HeartbeatApplication;
import io.baeum.heartbeat.support.HttpPlayer;
import io.baeum.testing.MutableClock;
import io.baeum.heartbeat.support.ProgressQueue;
import io.baeum.heartbeat.support.SwitchableProxy;
import io.baeum.heartbeat.support.TestTokens;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestSqs;

/**
 * SQS outages and instance deaths lose no progress: real Redis, real ElasticMQ behind a proxy the test
 * cuts, and whole application instances started and stopped side by side.
 */
class EmissionFaultsIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withRedis().withSqs("progress-events");

    static final TestTokens tokens = new TestTokens();

    @AfterAll
    static void closeTokens() {
        tokens.close();
    }

    private ConfigurableApplicationContext instance(String producerId, SwitchableProxy sqs, MutableClock clock) {
        Map<String, Object> properties = new HashMap<>(tokens.properties());
        properties.put("server.port", "0");
        properties.put("spring.data.redis.host", infra.redis().host());
        properties.put("spring.data.redis.port", infra.redis().port());
        properties.put("spring.data.redis.database", infra.redis().database());
        properties.put("spring.cloud.aws.sqs.endpoint", sqs.uri().toString());
        properties.put("spring.cloud.aws.region.static", TestSqs.REGION);
        properties.put("spring.cloud.aws.credentials.access-key", TestSqs.ACCESS_KEY);
        properties.put("spring.cloud.aws.credentials.secret-key", TestSqs.SECRET_KEY);
        properties.put("baeum.heartbeat.emission.producer-id", producerId);
        properties.put("baeum.heartbeat.emission.send-timeout", "1s");
        properties.put("management.prometheus.metrics.export.enabled", "false");
        properties.put("spring.jmx.enabled", "false");
        return new SpringApplicationBuilder(HeartbeatApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    private static WebTestClient client(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }

    private static List<int[]> credited(List<ProgressEvent> events) {
        return events.stream().filter(e -> e.kind() instanceof WatchCredited).map(e -> (WatchCredited) e.kind())
                .map(c -> new int[] {c.fromSecond(), c.toSecond()}).toList();
    }

    private static long pendingOf(String consumer) {
        try (RedisClient redis = RedisClient.create(infra.redis().uri());
             StatefulRedisConnection<String, String> connection = redis.connect()) {
            return connection.sync().xpending("baeum:hb:events", "emitters").getConsumerMessageCount()
                    .getOrDefault(consumer, 0L);
        }
    }

    @Test
    void anSqsOutageOfThirtySecondsOfPlaybackLosesNothing() {
        MutableClock clock = new MutableClock(io.baeum.heartbeat.support.PlaybackGrants.ISSUED.plusSeconds(5)); // within the study period
        ProgressQueue queue = new ProgressQueue(infra.sqs());
        try (SwitchableProxy sqs = new SwitchableProxy(infra.sqs().endpoint());
             ConfigurableApplicationContext app = instance("outage-instance", sqs, clock)) {
            HttpPlayer player = new HttpPlayer(client(app), tokens, clock, "acct-outage", "sid-outage");
            player.start(aGrant().id("g-outage").account("acct-outage").issuedAt(clock.instant()).build());
            player.play();
            player.watch(10, 10);
            await().atMost(Duration.ofSeconds(20)).until(() -> credited(queue.of(player.sessionId)).size() == 1);

            sqs.cut();
            player.watch(30, 10); // 30 s of playback while SQS is unreachable: judged and credited all the same
            await().atMost(Duration.ofSeconds(20)).until(() -> pendingOf("outage-instance") > 0);
            assertThat(credited(queue.of(player.sessionId))).hasSize(1);
            sqs.restore();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(credited(queue.of(player.sessionId)))
                    .extracting(c -> c[0] + "-" + c[1]).containsExactlyInAnyOrder("0-10", "10-20", "20-30", "30-40"));
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingOf("outage-instance") == 0);
        }
    }

    @Test
    void anotherInstanceTakesOverTheBacklogOfAnInstanceThatDied() {
        MutableClock clock = new MutableClock(io.baeum.heartbeat.support.PlaybackGrants.ISSUED.plusSeconds(5)); // within the study period
        ProgressQueue queue = new ProgressQueue(infra.sqs());
        try (SwitchableProxy deadSqs = new SwitchableProxy(infra.sqs().endpoint());
             SwitchableProxy liveSqs = new SwitchableProxy(infra.sqs().endpoint())) {
            deadSqs.cut();
            String sessionId;
            try (ConfigurableApplicationContext doomed = instance("instance-a", deadSqs, clock)) {
                HttpPlayer player = new HttpPlayer(client(doomed), tokens, clock, "acct-takeover", "sid-takeover");
                player.start(aGrant().id("g-takeover").account("acct-takeover").issuedAt(clock.instant()).build());
                player.play();
                player.watch(50, 10);
                player.end();
                sessionId = player.sessionId;
                // instance A has read the events (they are pending under its name) but SQS never took them
                await().atMost(Duration.ofSeconds(20)).until(() -> pendingOf("instance-a") >= 7);
            } // instance A dies with its backlog claimed

            try (ConfigurableApplicationContext survivor = instance("instance-b", liveSqs, clock)) {
                var meters = survivor.getBean(io.micrometer.core.instrument.MeterRegistry.class);
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(credited(queue.of(sessionId)))
                        .as("sent %s failures %s visible %s all %s", meters.counter("baeum.heartbeat.emission.events.sent").count(),
                                meters.counter("baeum.heartbeat.emission.send.failures").count(),
                                infra.sqs().visibleMessages("progress-events"), queue.batchSizes() + " " + queue.producers() + " " + sessionId)
                        .extracting(c -> c[0] + "-" + c[1])
                        .containsExactlyInAnyOrder("0-10", "10-20", "20-30", "30-40", "40-50"));
                assertThat(queue.producers()).contains("instance-b").doesNotContain("instance-a");
                await().atMost(Duration.ofSeconds(10)).until(() -> pendingOf("instance-a") == 0);
            }
        }
    }

    @Test
    void aRedisThatLostItsDataGetsItsConsumerGroupBackAndEmissionGoesOn() {
        MutableClock clock = new MutableClock(io.baeum.heartbeat.support.PlaybackGrants.ISSUED.plusSeconds(5)); // within the study period
        ProgressQueue queue = new ProgressQueue(infra.sqs());
        try (SwitchableProxy sqs = new SwitchableProxy(infra.sqs().endpoint());
             ConfigurableApplicationContext app = instance("amnesia-instance", sqs, clock)) {
            HttpPlayer player = new HttpPlayer(client(app), tokens, clock, "acct-amnesia", "sid-amnesia");
            player.start(aGrant().id("g-amnesia").account("acct-amnesia").issuedAt(clock.instant()).build());
            player.play();
            player.watch(10, 10);
            await().atMost(Duration.ofSeconds(20)).until(() -> credited(queue.of(player.sessionId)).size() == 1);

            // what a Redis restarted without its data looks like to the emitter: the stream and its group are gone
            // (the session is kept here, so that the same player goes on); the next XADD makes a stream without a group
            try (RedisClient redis = RedisClient.create(infra.redis().uri());
                 StatefulRedisConnection<String, String> connection = redis.connect()) {
                connection.sync().del("baeum:hb:events");
            }
            player.watch(20, 10);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(credited(queue.of(player.sessionId)))
                    .extracting(c -> c[0] + "-" + c[1]).containsExactlyInAnyOrder("0-10", "10-20", "20-30"));
        }
    }
}

package io.baeum.heartbeat.playback;

import static io.baeum.heartbeat.support.HttpPlayer.directive;
import static io.baeum.heartbeat.support.HttpPlayer.directiveTypes;
import static io.baeum.heartbeat.support.PlaybackGrants.aGrant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.common.security.SessionRevocationCheck;
import io.baeum.contract.playback.CuePass;
import io.baeum.contract.playback.PlaybackGrant.CuePoint;
import io.baeum.contract.progress.ProgressEvent;
import io.baeum.contract.progress.ProgressEventKind.ChallengeResolved;
import io.baeum.contract.progress.ProgressEventKind.SessionEnded;
import io.baeum.contract.progress.ProgressEventKind.SessionStarted;
import io.baeum.contract.progress.ProgressEventKind.WatchCredited;
import io.baeum.heartbeat.support.HttpPlayer;
import io.baeum.testing.MutableClock;
import io.baeum.heartbeat.support.PlaybackGrants;
import io.baeum.heartbeat.support.ProgressQueue;
import io.baeum.heartbeat.support.TestTokens;
import io.baeum.testing.BaeumInfrastructure;
import reactor.core.publisher.Flux;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PlaybackApiIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withRedis().withSqs("progress-events");

    static final TestTokens tokens = new TestTokens();
    static final MutableClock clock = new MutableClock(PlaybackGrants.ISSUED.plusSeconds(5));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        tokens.register(registry, infra);
    }

    @TestConfiguration
    static class FakeClock {
        @Bean
        @Primary
        Clock testClock() {
            return clock;
        }
    }

    @AfterAll
    static void closeTokens() {
        tokens.close();
    }

    @Autowired
    WebTestClient web;

    private ProgressQueue queue;

    private ProgressQueue queue() {
        if (queue == null) {
            queue = new ProgressQueue(infra.sqs());
        }
        return queue;
    }

    private HttpPlayer player(String account) {
        return new HttpPlayer(web, tokens, clock, account, "sid-" + account);
    }

    @Test
    void aScriptedPlayerWatchesALessonAndTheQueueCarriesExactlyTheCreditedIntervals() {
        HttpPlayer player = player("acct-watch");
        player.start(aGrant().id("g-watch").account("acct-watch").video(120, 120).issuedAt(clock.instant()).build());
        player.play();

        Map<String, Object> last = player.watch(120, 10);
        player.end();

        assertThat(last).extractingByKey("totals").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("coveredSeconds", 120).containsEntry("completed", true);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ProgressEvent> events = queue().of(player.sessionId);
            assertThat(events).filteredOn(e -> e.kind() instanceof SessionEnded).hasSize(1);
            assertThat(events.getFirst().kind()).isInstanceOfSatisfying(SessionStarted.class, started -> {
                assertThat(started.clientIp()).isEqualTo("203.0.113.7");
                assertThat(started.userAgent()).isEqualTo("scripted-player/1.0");
            });
            List<int[]> intervals = events.stream().filter(e -> e.kind() instanceof WatchCredited)
                    .map(e -> (WatchCredited) e.kind()).map(c -> new int[] {c.fromSecond(), c.toSecond()}).toList();
            List<int[]> expected = new ArrayList<>();
            for (int s = 0; s < 120; s += 10) {
                expected.add(new int[] {s, s + 10});
            }
            assertThat(intervals).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(events).allSatisfy(e -> {
                assertThat(e.accountId()).isEqualTo("acct-watch");
                assertThat(e.lessonId()).isEqualTo("lsn-1");
            });
        });
        assertThat(queue().batchSizes()).anyMatch(size -> size > 1);
    }

    @Test
    void aSecondDeviceTerminatesTheFirstWithConcurrentSession() {
        HttpPlayer first = player("acct-two");
        first.start(aGrant().id("g-two-a").account("acct-two").issuedAt(clock.instant()).build());
        first.play();
        first.watch(10, 10);
        HttpPlayer second = new HttpPlayer(web, tokens, clock, "acct-two", "sid-other-device");
        second.start(aGrant().id("g-two-b").account("acct-two").issuedAt(clock.instant()).build());

        Map<String, Object> answer = first.watch(10, 10);

        assertThat(directiveTypes(answer)).containsExactly("TERMINATED");
        assertThat(directive(answer, "TERMINATED")).containsEntry("reason", "CONCURRENT_SESSION");
        assertThat(directiveTypes(second.play())).containsExactly("CONTINUE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(queue().of(first.sessionId))
                .map(ProgressEvent::kind).filteredOn(SessionEnded.class::isInstance)
                .singleElement().isEqualTo(new SessionEnded("CONCURRENT_SESSION", 10)));
    }

    @Test
    void malformedOrAbsurdBeatsAreRefusedWithACodeAndChangeNothing() {
        HttpPlayer player = player("acct-bad");
        player.start(aGrant().id("g-bad").account("acct-bad").issuedAt(clock.instant()).build());
        String path = "/api/v1/playback/sessions/" + player.sessionId + "/heartbeats";

        web.post().uri(path).header("Authorization", "Bearer " + player.token()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sequence\": 1, \"position\": ").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("MALFORMED_JSON");
        player.post(path, Map.of("sequence", 1, "position", -5, "rate", 1, "state", "playing", "visibility", "visible",
                        "event", "tick", "clientTime", 0))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("VALIDATION_FAILED");
        player.post(path, Map.of("sequence", 1, "position", 5, "rate", 99, "state", "flying", "visibility", "visible",
                        "event", "tick", "clientTime", 0))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.fieldErrors.length()").isEqualTo(2);
        player.post(path, Map.of("sequence", 5_000, "position", 5, "rate", 1, "state", "playing", "visibility", "visible",
                        "event", "tick", "clientTime", 0))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("SEQUENCE_TOO_FAR_AHEAD");
        player.post(path, Map.of("sequence", 1, "position", 9_000, "rate", 1, "state", "playing", "visibility", "visible",
                        "event", "tick", "clientTime", 0))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("POSITION_BEYOND_VIDEO");

        Map<String, Object> first = player.play();
        assertThat(first).containsEntry("sequence", 1);
    }

    @Test
    void forgedForeignExpiredOrReusedGrantsAreRefused() {
        HttpPlayer player = player("acct-grants");
        var grant = aGrant().id("g-grants").account("acct-grants").issuedAt(clock.instant()).build();
        String start = "/api/v1/playback/sessions";

        player.post(start, Map.of("grant", tokens.forgedGrant(grant), "deviceFingerprint", "d"))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("GRANT_INVALID");
        player.post(start, Map.of("grant", tokens.grant(aGrant().id("g-other").account("someone-else")
                        .issuedAt(clock.instant()).build()), "deviceFingerprint", "d"))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("GRANT_NOT_YOURS");
        player.post(start, Map.of("grant", tokens.grant(aGrant().id("g-old").account("acct-grants")
                        .issuedAt(clock.instant().minus(Duration.ofMinutes(20))).build()), "deviceFingerprint", "d"))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("GRANT_INVALID");
        player.post(start, Map.of("grant", "not.a.jwt", "deviceFingerprint", "d")).expectStatus().isForbidden();

        player.start(grant);
        player.post(start, Map.of("grant", tokens.grant(grant), "deviceFingerprint", "d"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("GRANT_ALREADY_USED");
    }

    @Test
    void withoutAValidUnrevokedTokenNothingIsReachedAndOthersSessionsAreInvisible() {
        HttpPlayer owner = player("acct-owner");
        owner.start(aGrant().id("g-owner").account("acct-owner").issuedAt(clock.instant()).build());
        String path = "/api/v1/playback/sessions/" + owner.sessionId + "/heartbeats";
        Map<String, Object> beat = owner.beatBody("playing", "visible", "play");

        web.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(beat).exchange()
                .expectStatus().isUnauthorized();
        player("acct-intruder").post(path, beat).expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("SESSION_NOT_FOUND");
        infra.sqs(); // keep the fixture alive
        try (var redis = io.lettuce.core.RedisClient.create(infra.redis().uri()); var connection = redis.connect()) {
            connection.sync().setex(SessionRevocationCheck.DENY_LIST_KEY_PREFIX + "sid-acct-owner", 600, "logout");
            owner.post(path, beat).expectStatus().isUnauthorized();
            // beats read the deny-list with the session state; the answer is the security chain's, to the byte
            var refusedBeat = owner.post(path, beat).expectStatus().isUnauthorized().expectBody(Map.class).returnResult();
            var refusedEnd = owner.post("/api/v1/playback/sessions/" + owner.sessionId + "/end", Map.of())
                    .expectStatus().isUnauthorized().expectBody(Map.class).returnResult();
            assertThat(refusedBeat.getResponseHeaders().get("WWW-Authenticate"))
                    .isEqualTo(refusedEnd.getResponseHeaders().get("WWW-Authenticate")).containsExactly("Bearer error=\"invalid_token\"");
            assertThat(refusedBeat.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
            assertThat(withoutVolatileFields(refusedBeat.getResponseBody()))
                    .isEqualTo(withoutVolatileFields(refusedEnd.getResponseBody()));
            // a revoked token learns nothing about sessions either: unknown ones answer the same
            owner.post("/api/v1/playback/sessions/ps_unknown/heartbeats", beat).expectStatus().isUnauthorized();
            connection.sync().del(SessionRevocationCheck.DENY_LIST_KEY_PREFIX + "sid-acct-owner");
        }
        owner.post(path, beat).expectStatus().isOk()
                .expectBody().jsonPath("$.data.sequence").isEqualTo(beat.get("sequence"));
    }

    /** An error body without what differs between two requests (request id, time, path). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutVolatileFields(Map<?, ?> body) {
        Map<String, Object> copy = new java.util.TreeMap<>((Map<String, Object>) body);
        Map<String, Object> error = new java.util.TreeMap<>((Map<String, Object>) copy.get("error"));
        error.remove("instance");
        error.remove("requestId");
        copy.put("error", error);
        copy.remove("metadata");
        return copy;
    }

    @Test
    void aCuePassFromLearningLetsCreditContinuePastTheCue() {
        HttpPlayer player = player("acct-cue");
        player.start(aGrant().id("g-cue").account("acct-cue").cues(new CuePoint("cue-a", 15, false))
                .issuedAt(clock.instant()).build());
        player.play();
        Map<String, Object> atCue = player.watch(20, 10);
        assertThat(directive(atCue, "SHOW_QUIZ")).containsEntry("cueId", "cue-a").containsEntry("position", 15);
        String passPath = "/api/v1/playback/sessions/" + player.sessionId + "/cues/cue-a/pass";
        Instant now = clock.instant();

        player.post(passPath, Map.of("pass", tokens.forgedCuePass(new CuePass("p1", "acct-cue", "enr-1", "lsn-1", "cue-a",
                        now, now.plusSeconds(600)))))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("CUE_PASS_INVALID");
        player.post(passPath, Map.of("pass", tokens.cuePass(new CuePass("p2", "acct-cue", "enr-1", "lsn-9", "cue-a",
                        now, now.plusSeconds(600)))))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("CUE_PASS_MISMATCH");
        player.post(passPath, Map.of("pass", tokens.cuePass(new CuePass("p3", "acct-cue", "enr-1", "lsn-1", "cue-a",
                        now, now.plusSeconds(600)))))
                .expectStatus().isOk();

        player.position = 15;
        player.beat("playing", "visible", "seek");
        Map<String, Object> after = player.watch(10, 10);
        assertThat(after).extractingByKey("credited").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("seconds", 10);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(queue().of(player.sessionId))
                .map(ProgressEvent::kind).filteredOn(ChallengeResolved.class::isInstance).hasSize(1));
    }

    @Test
    void aPresenceCheckPausesCreditUntilTheCodeIsTypedBack() {
        HttpPlayer player = player("acct-presence");
        player.start(aGrant().id("g-presence").account("acct-presence").identityChecks(20, 20)
                .issuedAt(clock.instant()).build());
        player.play();
        Map<String, Object> checked = player.watch(20, 10);
        Map<String, Object> check = directive(checked, "PAUSE_FOR_IDENTITY_CHECK");
        String path = "/api/v1/playback/sessions/" + player.sessionId + "/identity-checks/" + check.get("challengeId");

        assertThat(player.watch(10, 10)).containsEntry("refusal", "IDENTITY_PENDING");
        player.post(path, Map.of("code", check.get("code"))).expectStatus().isOk()
                .expectBody().jsonPath("$.data.directives[0].type").isEqualTo("CONTINUE");
        player.play();
        assertThat(player.watch(10, 10)).doesNotContainKey("refusal");
    }

    @Test
    void concurrentDuplicatesOfABeatCreditOnce() {
        HttpPlayer player = player("acct-dup");
        player.start(aGrant().id("g-dup").account("acct-dup").issuedAt(clock.instant()).build());
        player.play();
        clock.advance(Duration.ofSeconds(10));
        player.position += 10;
        Map<String, Object> beat = player.beatBody("playing", "visible", "tick");
        String token = player.token();

        List<Integer> credited = Flux.range(0, 8)
                .flatMap(i -> web.post().uri("/api/v1/playback/sessions/" + player.sessionId + "/heartbeats")
                        .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(beat).exchange().returnResult(Map.class).getResponseBody().next()
                        .map(body -> ((Number) ((Map<?, ?>) ((Map<?, ?>) body.get("data")).get("credited")).get("seconds")).intValue()))
                .collectList().block(Duration.ofSeconds(20));

        assertThat(credited).containsOnly(10, 0).filteredOn(c -> c == 10).hasSize(1);
    }
}

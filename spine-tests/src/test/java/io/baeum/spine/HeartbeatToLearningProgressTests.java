package io.baeum.spine;

import io.baeum.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.heartbeat.HeartbeatApplication;
import io.baeum.learning.LearningApplication;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.JwksTestServer;
import io.baeum.testing.TestSqs;

/**
 * heartbeat-service and learning-service together in one JVM, on real PostgreSQL, Redis and ElasticMQ:
 * learning issues the playback grant, heartbeat judges the beats (on a fake clock) and sends progress
 * over the real {@code progress-events} queue, learning applies it. Access tokens are signed here the way
 * auth-service signs them.
 */
class HeartbeatToLearningProgressTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withRedis()
            .withSqs("progress-events", "learning-events");

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String AUTH_ISSUER = "https://auth.baeum.local";
    /** Test-only envelope key, shared by heartbeat (emission) and learning (key ring). */
    private static final String PROGRESS_KEY_ID = "spine-1";
    private static final String PROGRESS_KEY_SECRET = "c3BpbmUtdGVzdC1vbmx5LXByb2dyZXNzLWtleS0zMi1ieXRlcyE=";
    /** Sandbox Vimeo: a video id not ending in 0 lasts 300 + id % 1500 seconds. */
    private static final String VIDEO_ID = "1505";
    private static final int DURATION = 305;
    /** SAEOPJU v2 (from 2026-01-01): heartbeat every 10 s, time credit, max rate 2.0, completion at 80 %. */
    private static final int BEAT_SECONDS = 10;

    private static final MutableClock heartbeatClock = new MutableClock(Instant.now());
    private static RSAKey authKey;
    private static JwksTestServer authJwks;
    private static ConfigurableApplicationContext learning;
    private static ConfigurableApplicationContext heartbeat;
    private static WebTestClient learningWeb;
    private static WebTestClient heartbeatWeb;

    private static final LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
    private static String cohortId;
    private static List<String> lessonIds;

    @BeforeAll
    static void startBothServices() throws JOSEException {
        authKey = new RSAKeyGenerator(2048).keyID("auth-spine-" + UUID.randomUUID()).generate();
        authJwks = new JwksTestServer(authKey);

        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("server.port", "0");
        shared.put("spring.data.redis.host", infra.redis().host());
        shared.put("spring.data.redis.port", String.valueOf(infra.redis().port()));
        shared.put("spring.data.redis.database", String.valueOf(infra.redis().database()));
        shared.put("spring.cloud.aws.sqs.endpoint", infra.sqs().endpoint().toString());
        shared.put("spring.cloud.aws.region.static", TestSqs.REGION);
        shared.put("spring.cloud.aws.credentials.access-key", TestSqs.ACCESS_KEY);
        shared.put("spring.cloud.aws.credentials.secret-key", TestSqs.SECRET_KEY);
        shared.put("baeum.security.token.jwks-uri", authJwks.jwksUri().toString());
        shared.put("baeum.security.token.issuer", AUTH_ISSUER);
        shared.put("logging.structured.format.console", "");

        Map<String, String> learningProperties = new LinkedHashMap<>(shared);
        learningProperties.put("spring.config.name", "spine-learning");
        learningProperties.put("spring.application.name", "learning-service");
        learningProperties.put("baeum.database.name", infra.database().name());
        learningProperties.put("spring.r2dbc.url", infra.database().r2dbcUrl());
        learningProperties.put("spring.r2dbc.username", infra.database().username());
        learningProperties.put("spring.r2dbc.password", infra.database().password());
        learningProperties.put("spring.flyway.url", infra.database().jdbcUrl());
        learningProperties.put("spring.flyway.user", infra.database().username());
        learningProperties.put("spring.flyway.password", infra.database().password());
        learningProperties.put("spring.flyway.locations", "classpath:db/migration,classpath:db/baeum-common");
        learningProperties.put("baeum.security.token.audience", "learning-service");
        learningProperties.put("baeum.learning.zone", "Asia/Seoul");
        learningProperties.put("baeum.learning.playback.issuer", "baeum-learning");
        learningProperties.put("baeum.learning.playback.audience", "baeum-heartbeat");
        learningProperties.put("baeum.learning.playback.allow-generated-key", "true");
        learningProperties.put("baeum.learning.progress.queue", "progress-events");
        learningProperties.put("baeum.learning.progress.dead-letter-queue", "progress-events-dlq");
        learningProperties.put("baeum.learning.progress.keys[0].id", PROGRESS_KEY_ID);
        learningProperties.put("baeum.learning.progress.keys[0].secret", PROGRESS_KEY_SECRET);
        learningProperties.put("baeum.learning.events.queue", "learning-events");
        learningProperties.put("baeum.learning.events.dead-letter-queue", "learning-events-dlq");
        learningProperties.put("baeum.learning.vimeo.adapter", "sandbox");
        // learning's application.yml is not read here (spring.config.name above): its mail defaults, and no
        // notification poller — this test is about progress, and no SMTP server listens
        learningProperties.put("spring.mail.host", "127.0.0.1");
        learningProperties.put("spring.mail.port", "2525");
        learningProperties.put("management.health.mail.enabled", "false");
        learningProperties.put("baeum.learning.notifications.poll-enabled", "false");
        learning = new SpringApplicationBuilder(LearningApplication.class).run(args(learningProperties));
        int learningPort = port(learning);
        learningWeb = client(learningPort);

        Map<String, String> heartbeatProperties = new LinkedHashMap<>(shared);
        heartbeatProperties.put("spring.config.name", "spine-heartbeat");
        heartbeatProperties.put("spring.application.name", "heartbeat-service");
        heartbeatProperties.put("spring.reactor.context-propagation", "limited");
        heartbeatProperties.put("spring.data.redis.timeout", "1s");
        // the union classpath carries learning's R2DBC and Flyway: heartbeat has no database
        heartbeatProperties.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"));
        heartbeatProperties.put("baeum.security.token.audience", "heartbeat-service");
        heartbeatProperties.put("baeum.heartbeat.grants.jwks-uri", "http://127.0.0.1:" + learningPort + "/.well-known/jwks.json");
        heartbeatProperties.put("baeum.heartbeat.grants.issuer", "baeum-learning");
        heartbeatProperties.put("baeum.heartbeat.grants.audience", "baeum-heartbeat");
        heartbeatProperties.put("baeum.heartbeat.state.key-prefix", "baeum:hb:");
        heartbeatProperties.put("baeum.heartbeat.emission.queue", "progress-events");
        heartbeatProperties.put("baeum.heartbeat.emission.key-id", PROGRESS_KEY_ID);
        heartbeatProperties.put("baeum.heartbeat.emission.key-secret", PROGRESS_KEY_SECRET);
        heartbeatProperties.put("baeum.heartbeat.emission.flush-interval", "50ms");
        heartbeat = new SpringApplicationBuilder(HeartbeatApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", heartbeatClock))
                .run(args(heartbeatProperties));
        heartbeatWeb = client(port(heartbeat));

        publishCourseWithCohortOpenToday();
    }

    @AfterAll
    static void stopBothServices() {
        if (heartbeat != null) {
            heartbeat.close();
        }
        if (learning != null) {
            learning.close();
        }
        if (authJwks != null) {
            authJwks.close();
        }
    }

    @BeforeEach
    void heartbeatClockStartsAtTheRealNow() {
        // learning signs grants on the system clock; heartbeat must see them as fresh
        heartbeatClock.set(Instant.now());
    }

    @Test
    void aTraineeWhoWatchesTheLessonThroughCompletesItAndTheCourseProgressMoves() throws SQLException {
        String trainee = "trainee-honest-" + UUID.randomUUID();
        String enrollment = (String) data(post(learningWeb, token(trainee, "TRAINEE", Instant.now()),
                "/api/v1/cohorts/{id}/enrollments", Map.of(), cohortId), HttpStatus.CREATED).get("id");
        data(post(learningWeb, token("admin-spine", "ADMIN", Instant.now()), "/api/v1/admin/enrollments/{id}/approve",
                Map.of(), enrollment), HttpStatus.OK);

        Player player = new Player(trainee);
        player.start(openLesson(trainee, enrollment, lessonIds.get(0)));
        player.beat("playing", "visible", "play");
        Map<String, Object> last = null;
        while (player.position < DURATION) {
            heartbeatClock.advance(Duration.ofSeconds(BEAT_SECONDS));
            player.position = Math.min(DURATION, player.position + BEAT_SECONDS);
            last = player.beat("playing", "visible", "tick");
            assertThat(last).doesNotContainKey("refusal");
            player.answerIdentityChecks(last);
        }
        player.beat("ended", "visible", "ended");
        player.end();

        assertThat(map(last, "totals")).containsEntry("studyMillis", DURATION * 1000).containsEntry("progressPercent", 100)
                .containsEntry("completed", true).containsEntry("coveredSeconds", DURATION);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Map<String, Object>> lessons = progress(trainee, enrollment);
            assertThat(lessons.get(0)).containsEntry("lessonId", lessonIds.get(0)).containsEntry("completed", true)
                    .containsEntry("percent", 100).containsEntry("watchedSeconds", DURATION)
                    .containsEntry("studyMillis", DURATION * 1000);
            assertThat(lessons.get(1)).containsEntry("completed", false).containsEntry("percent", 0);
            assertThat(evidence(enrollment)).contains("SESSION_STARTED", "SESSION_ENDED:ENDED");
        });
        Map<String, Object> course = myEnrollment(trainee, enrollment);
        assertThat(course).containsEntry("completedLessons", 1).containsEntry("totalLessons", 2);
        assertThat(((Number) course.get("progressPercent")).doubleValue()).isEqualTo(50.0);
        assertThat(evidence(enrollment)).noneMatch(kind -> kind.startsWith("CREDIT_REFUSED"));
        // the next lesson is unlocked by the completed one
        openLesson(trainee, enrollment, lessonIds.get(1));
    }

    @Test
    void aTraineeWhoSeeksAheadAndPlaysHiddenOrTooFastDoesNotCompleteAndTheRefusalsAreOnRecord() throws SQLException {
        String trainee = "trainee-cheat-" + UUID.randomUUID();
        // applies and is approved like the honest trainee (an admin's direct assignment checks the account with
        // auth-service, which this two-service test does not run)
        String enrollment = (String) data(post(learningWeb, token(trainee, "TRAINEE", Instant.now()),
                "/api/v1/cohorts/{id}/enrollments", Map.of(), cohortId), HttpStatus.CREATED).get("id");
        data(post(learningWeb, token("admin-spine", "ADMIN", Instant.now()), "/api/v1/admin/enrollments/{id}/approve",
                Map.of(), enrollment), HttpStatus.OK);

        Player player = new Player(trainee);
        player.start(openLesson(trainee, enrollment, lessonIds.get(0)));
        player.beat("playing", "visible", "play");
        heartbeatClock.advance(Duration.ofSeconds(BEAT_SECONDS));
        player.position = BEAT_SECONDS;
        assertThat(map(player.beat("playing", "visible", "tick"), "credited")).containsEntry("millis", BEAT_SECONDS * 1000);

        // jumps far past what was watched: told to go back, credited nothing
        heartbeatClock.advance(Duration.ofSeconds(1));
        player.position = 250;
        Map<String, Object> seek = player.beat("playing", "visible", "seek");
        assertThat(directiveTypes(seek)).contains("SEEK_BACK");
        assertThat(seek).containsEntry("refusal", "SEEK_AHEAD");

        // ignores it and plays on in a hidden tab, to the end and then again from the start
        List<Map<String, Object>> refused = new ArrayList<>();
        refused.addAll(player.playTo(DURATION, "hidden"));
        heartbeatClock.advance(Duration.ofSeconds(1));
        player.position = BEAT_SECONDS;
        player.beat("playing", "hidden", "seek");
        refused.addAll(player.playTo(DURATION, "hidden"));
        assertThat(refused).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer).containsEntry("refusal", "HIDDEN");
            assertThat(map(answer, "credited")).containsEntry("millis", 0);
        });

        // back in view, at four times the speed (the policy's cap is 2.0)
        heartbeatClock.advance(Duration.ofSeconds(1));
        player.position = BEAT_SECONDS;
        player.rate = 4.0;
        player.beat("playing", "visible", "seek");
        List<Map<String, Object>> fast = player.playTo(DURATION, "visible");
        assertThat(fast).isNotEmpty().allSatisfy(answer -> {
            assertThat(answer).containsEntry("refusal", "RATE_TOO_HIGH");
            assertThat(map(answer, "credited")).containsEntry("millis", 0);
        });
        Map<String, Object> ended = player.beat("ended", "visible", "ended");
        player.end();

        assertThat(map(ended, "totals")).containsEntry("studyMillis", BEAT_SECONDS * 1000).containsEntry("completed", false);
        // once the refusals, the session's end and the one credited interval are all applied, nothing else will come
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(evidence(enrollment)).contains("SESSION_STARTED", "SESSION_ENDED:ENDED",
                    "CREDIT_REFUSED:SEEK_AHEAD", "CREDIT_REFUSED:HIDDEN", "CREDIT_REFUSED:RATE_TOO_HIGH");
            assertThat(progress(trainee, enrollment).get(0)).containsEntry("studyMillis", BEAT_SECONDS * 1000);
        });
        assertThat(progress(trainee, enrollment).get(0)).containsEntry("completed", false).containsEntry("percent", 0);
        Map<String, Object> course = myEnrollment(trainee, enrollment);
        assertThat(course).containsEntry("completedLessons", 0);
        assertThat(((Number) course.get("progressPercent")).doubleValue()).isZero();
        post(learningWeb, token(trainee, "TRAINEE", Instant.now()), "/api/v1/enrollments/{e}/lessons/{l}/playback",
                Map.of(), enrollment, lessonIds.get(1)).expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("LESSON_LOCKED");
    }

    // --- the trainee's player, against heartbeat-service ---

    private static final class Player {
        private final String account;
        private final String sid = "sid-" + UUID.randomUUID();
        String sessionId;
        long sequence;
        double position;
        double rate = 1.0;

        Player(String account) {
            this.account = account;
        }

        String token() {
            return HeartbeatToLearningProgressTests.token(account, "TRAINEE", heartbeatClock.instant(), heartbeatClock.instant());
        }

        void start(String grant) {
            Map<String, Object> session = data(post(heartbeatWeb, token(), "/api/v1/playback/sessions",
                    Map.of("grant", grant, "deviceFingerprint", "device-" + account)), HttpStatus.CREATED);
            sessionId = (String) session.get("sessionId");
            position = ((Number) session.get("resumeSecond")).doubleValue();
        }

        Map<String, Object> beat(String state, String visibility, String event) {
            return data(post(heartbeatWeb, token(), "/api/v1/playback/sessions/{id}/heartbeats", Map.of(
                    "sequence", ++sequence, "position", position, "rate", rate, "state", state, "visibility", visibility,
                    "event", event, "clientTime", heartbeatClock.millis()), sessionId), HttpStatus.OK);
        }

        /** Plays on, beat by beat of the fake clock, to {@code end}; the answers. */
        List<Map<String, Object>> playTo(int end, String visibility) {
            List<Map<String, Object>> answers = new ArrayList<>();
            while (position < end) {
                heartbeatClock.advance(Duration.ofSeconds(BEAT_SECONDS));
                position = Math.min(end, position + BEAT_SECONDS * rate);
                answers.add(beat("playing", visibility, "tick"));
            }
            return answers;
        }

        /** Types back the code of a presence check, as the trainee would. */
        @SuppressWarnings("unchecked")
        void answerIdentityChecks(Map<String, Object> answer) {
            for (Map<String, Object> directive : (List<Map<String, Object>>) answer.get("directives")) {
                if ("PAUSE_FOR_IDENTITY_CHECK".equals(directive.get("type"))) {
                    post(heartbeatWeb, token(), "/api/v1/playback/sessions/{id}/identity-checks/{c}",
                            Map.of("code", directive.get("code")), sessionId, directive.get("challengeId"))
                            .expectStatus().isOk();
                }
            }
        }

        void end() {
            data(post(heartbeatWeb, token(), "/api/v1/playback/sessions/{id}/end", Map.of(), sessionId), HttpStatus.OK);
        }
    }

    // --- learning-service: course, enrollment, grants, progress ---

    private static void publishCourseWithCohortOpenToday() {
        String admin = token("admin-spine", "ADMIN", Instant.now());
        String course = (String) data(post(learningWeb, admin, "/api/v1/admin/courses", Map.of("title", "Spine course",
                "category", "it", "trainingType", "SAEOPJU", "level", "BEGINNER", "price", 50_000)), HttpStatus.CREATED).get("id");
        String subject = (String) data(post(learningWeb, admin, "/api/v1/admin/courses/{id}/subjects",
                Map.of("title", "S1", "position", 0), course), HttpStatus.CREATED).get("id");
        lessonIds = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> lesson = data(post(learningWeb, admin, "/api/v1/admin/subjects/{id}/lessons",
                    Map.of("title", "L" + (i + 1), "position", i, "vimeoVideoId", VIDEO_ID), subject), HttpStatus.CREATED);
            assertThat(lesson).containsEntry("durationSeconds", DURATION).containsEntry("recognisedSeconds", DURATION);
            lessonIds.add((String) lesson.get("id"));
        }
        data(post(learningWeb, admin, "/api/v1/admin/courses/{id}/publish", Map.of(), course), HttpStatus.OK);
        cohortId = (String) data(post(learningWeb, admin, "/api/v1/admin/courses/{id}/cohorts", Map.of("name", "1기",
                "studyFrom", today.minusDays(7).toString(), "studyTo", today.plusDays(60).toString(),
                "enrollmentFrom", today.minusDays(30).toString(), "enrollmentTo", today.plusDays(30).toString(),
                "capacity", 30, "instructorIds", List.of("inst-spine")), course), HttpStatus.CREATED).get("id");
    }

    /** A playback grant for the lesson; the first lesson is a step-up point, hence a fresh identity check. */
    private static String openLesson(String trainee, String enrollment, String lesson) {
        Map<String, Object> opened = data(post(learningWeb, token(trainee, "TRAINEE", Instant.now()),
                "/api/v1/enrollments/{e}/lessons/{l}/playback", Map.of(), enrollment, lesson), HttpStatus.CREATED);
        return (String) opened.get("grant");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> progress(String trainee, String enrollment) {
        return (List<Map<String, Object>>) body(learningWeb.get().uri("/api/v1/enrollments/{id}/progress", enrollment)
                .headers(h -> h.setBearerAuth(token(trainee, "TRAINEE", Instant.now()))).exchange(), HttpStatus.OK).get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> myEnrollment(String trainee, String enrollment) {
        List<Map<String, Object>> mine = (List<Map<String, Object>>) body(learningWeb.get().uri("/api/v1/me/enrollments")
                .headers(h -> h.setBearerAuth(token(trainee, "TRAINEE", Instant.now()))).exchange(), HttpStatus.OK).get("data");
        return mine.stream().filter(e -> enrollment.equals(e.get("enrollmentId"))).findFirst().orElseThrow();
    }

    /** learning's evidence rows of the enrollment: {@code KIND} or {@code KIND:reason}. */
    private static List<String> evidence(String enrollment) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = infra.database().connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT kind, detail->>'reason' FROM progress_evidence WHERE enrollment_id = ?::uuid ORDER BY seq")) {
            statement.setString(1, enrollment);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(2) == null ? rs.getString(1) : rs.getString(1) + ":" + rs.getString(2));
                }
            }
        }
        return rows;
    }

    // --- plumbing ---

    /** An access token as auth-service issues it, for both services; trainees carry a fresh identity check. */
    private static String token(String subject, String role, Instant now) {
        return token(subject, role, now, "TRAINEE".equals(role) ? now : null);
    }

    private static String token(String subject, String role, Instant now, Instant identityVerifiedAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(AUTH_ISSUER)
                .audience(List.of("learning-service", "heartbeat-service")).subject(subject)
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("sid", "sid-" + subject).claim("roles", List.of(role));
        if (identityVerifiedAt != null) {
            claims.claim("idv_at", identityVerifiedAt.getEpochSecond());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("at+jwt"))
                .keyID(authKey.getKeyID()).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(authKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static WebTestClient.ResponseSpec post(WebTestClient web, String token, String uri, Object body, Object... vars) {
        return web.post().uri(uri, vars).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange();
    }

    private static Map<String, Object> body(WebTestClient.ResponseSpec response, HttpStatus status) {
        return response.expectStatus().isEqualTo(status).expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(WebTestClient.ResponseSpec response, HttpStatus status) {
        return (Map<String, Object>) body(response, status).get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> data, String key) {
        return (Map<String, Object>) data.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> directiveTypes(Map<String, Object> data) {
        return ((List<Map<String, Object>>) data.get("directives")).stream().map(d -> (String) d.get("type")).toList();
    }

    private static String[] args(Map<String, String> properties) {
        // command-line arguments outrank every other property source
        return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10)).build();
    }
}

package io.baeum.learning.playback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import io.baeum.contract.playback.CuePass;
import io.baeum.contract.playback.PlaybackGrant;
import io.baeum.contract.playback.PlaybackTokenVerifier;
import io.baeum.common.security.JwksKeySource;
import io.baeum.learning.testing.AccessTokens;
import io.baeum.learning.testing.LearningMother;
import io.baeum.learning.testing.LearningMother.CohortFixture;
import io.baeum.testing.BaeumInfrastructure;

/** Playback grants and cue passes over HTTP, verified the way heartbeat-service verifies them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class PlaybackGrantIntegrationTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("progress-events", "learning-events");

    static final AccessTokens tokens = new AccessTokens();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", tokens::jwksUri);
    }

    @AfterAll
    static void closeTokens() {
        tokens.close();
    }

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    LearningMother mother;
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
    CohortFixture cohort;
    String trainee;
    UUID enrollment;

    @BeforeEach
    void setUp() {
        mother = new LearningMother(infra.database());
        cohort = mother.cohort(mother.publishedCourse("SAEOPJU", 600, 600), today.minusDays(10), today.plusDays(60), 30, "inst-1");
        trainee = "trainee-" + UUID.randomUUID();
        enrollment = mother.activeEnrollment(cohort, trainee);
    }

    PlaybackTokenVerifier heartbeatVerifier() {
        JwksKeySource keys = new JwksKeySource(WebClient.create(), URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json"),
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofSeconds(5), Clock.systemUTC());
        return new PlaybackTokenVerifier(keys, "baeum-learning", "baeum-heartbeat", Duration.ofSeconds(30), Clock.systemUTC());
    }

    WebTestClient.ResponseSpec open(String token, UUID enrollmentId, UUID lesson) {
        return web.post().uri("/api/v1/enrollments/{e}/lessons/{l}/playback", enrollmentId, lesson)
                .headers(h -> h.setBearerAuth(token)).exchange();
    }

    @Test
    void aGrantIssuedHereVerifiesWithHeartbeatsVerifierAgainstTheServedJwks() {
        String token = (String) ((Map<?, ?>) open(tokens.trainee(trainee), enrollment, cohort.course().lesson(0))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("data")).get("grant");

        PlaybackGrant grant = heartbeatVerifier().verifyGrant(token).block();

        assertThat(grant.accountId()).isEqualTo(trainee);
        assertThat(grant.enrollmentId()).isEqualTo(enrollment.toString());
        assertThat(grant.lessonId()).isEqualTo(cohort.course().lesson(0).toString());
        assertThat(grant.courseId()).isEqualTo(cohort.course().courseId().toString());
        assertThat(grant.cohortId()).isEqualTo(cohort.cohortId().toString());
        assertThat(grant.video()).isEqualTo(new PlaybackGrant.Video(600, 600));
        // the cohort started after 2026-01-01: version 2 (time credit) of the employer-training rulebook
        assertThat(grant.policy().version()).isEqualTo("SAEOPJU@2026-01-01#2");
        assertThat(grant.policy().creditMode()).isEqualTo(PlaybackGrant.CreditMode.TIME);
        assertThat(grant.policy().stepUpMaxAgeSeconds()).as("first lesson is a step-up point").isEqualTo(86_400);
        assertThat(grant.policy().dailyLessonCap()).isEqualTo(8);
        assertThat(grant.studyPeriod()).isEqualTo(new PlaybackGrant.StudyPeriod(today.minusDays(10), today.plusDays(60), "Asia/Seoul"));
        assertThat(grant.today()).isEqualTo(new PlaybackGrant.DailyUsage(today, 0, false));
        assertThat(Duration.between(grant.issuedAt(), grant.expiresAt())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aTraineeWithoutAnActiveEnrollmentIsRefused() {
        open(tokens.trainee("someone-else"), enrollment, cohort.course().lesson(0))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("NOT_ENROLLED");
        open(tokens.trainee(trainee), UUID.randomUUID(), cohort.course().lesson(0))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("NOT_ENROLLED");
    }

    @Test
    void outsideTheStudyPeriodPlaybackIsRefused() {
        CohortFixture future = mother.cohort(cohort.course(), today.plusDays(100), today.plusDays(130), 30);
        UUID early = mother.activeEnrollment(future, trainee);
        open(tokens.trainee(trainee), early, cohort.course().lesson(0))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("OUTSIDE_STUDY_PERIOD");
    }

    @Test
    void theNextLessonIsLockedUntilThePreviousReachesTheUnlockThreshold() {
        open(tokens.trainee(trainee), enrollment, cohort.course().lesson(1))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("LESSON_LOCKED");
        mother.execute("INSERT INTO lesson_progress (enrollment_id, lesson_id, percent, completed) VALUES (?, ?, 80, true)",
                enrollment, cohort.course().lesson(0));
        open(tokens.trainee(trainee), enrollment, cohort.course().lesson(1)).expectStatus().isCreated();
    }

    @Test
    void theDailyCapRefusesANewLessonButNotOneAlreadyStudiedToday() {
        for (int i = 0; i < 8; i++) {
            mother.execute("INSERT INTO lesson_study_day (account_id, study_day, lesson_id, enrollment_id) VALUES (?, ?, ?, ?)",
                    trainee, today, i == 0 ? cohort.course().lesson(0) : UUID.randomUUID(), enrollment);
        }
        mother.execute("INSERT INTO lesson_progress (enrollment_id, lesson_id, percent) VALUES (?, ?, 100)", enrollment, cohort.course().lesson(0));
        open(tokens.trainee(trainee), enrollment, cohort.course().lesson(1))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("DAILY_CAP_REACHED");
        open(tokens.trainee(trainee), enrollment, cohort.course().lesson(0)).expectStatus().isCreated();
    }

    @Test
    void atAStepUpPointAnAccessTokenWithoutARecentIdentityCheckIsRefused() {
        open(tokens.traineeWithoutIdentityCheck(trainee), enrollment, cohort.course().lesson(0))
                .expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("STEP_UP_REQUIRED");
        open(tokens.token(trainee, List.of("TRAINEE"), java.time.Instant.now().minus(Duration.ofDays(2))), enrollment,
                cohort.course().lesson(0)).expectStatus().isForbidden().expectBody().jsonPath("$.error.code").isEqualTo("STEP_UP_REQUIRED");
    }

    @Test
    void aCorrectCueAnswerReturnsACuePassHeartbeatAcceptsAndEveryAttemptIsRecorded() throws Exception {
        UUID lesson = cohort.course().lesson(0);
        web.post().uri("/api/v1/manage/lessons/{l}/cue-quizzes", lesson).headers(h -> h.setBearerAuth(tokens.instructor("inst-1")))
                .bodyValue(Map.of("atSecond", 120, "question", "2+2?", "options", List.of("3", "4"), "correctOption", 5))
                .exchange().expectStatus().isBadRequest();
        assertThat(count("SELECT count(*) FROM cue_quiz")).isZero();
        web.post().uri("/api/v1/manage/lessons/{l}/cue-quizzes", lesson).headers(h -> h.setBearerAuth(tokens.instructor("not-mine")))
                .bodyValue(Map.of("atSecond", 120, "question", "2+2?", "options", List.of("3", "4"), "correctOption", 1))
                .exchange().expectStatus().isNotFound();
        String quizId = (String) ((Map<?, ?>) web.post().uri("/api/v1/manage/lessons/{l}/cue-quizzes", lesson)
                .headers(h -> h.setBearerAuth(tokens.instructor("inst-1")))
                .bodyValue(Map.of("atSecond", 120, "question", "2+2?", "options", List.of("3", "4"), "correctOption", 1,
                        "explanation", "two and two make four"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("data")).get("id");

        String questions = web.get().uri("/api/v1/enrollments/{e}/lessons/{l}/cue-quizzes", enrollment, lesson)
                .headers(h -> h.setBearerAuth(tokens.trainee(trainee))).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(questions).contains("2+2?").doesNotContain("correctOption").doesNotContain("two and two");

        web.post().uri("/api/v1/enrollments/{e}/lessons/{l}/cue-quizzes/{q}/attempts", enrollment, lesson, quizId)
                .headers(h -> h.setBearerAuth(tokens.trainee(trainee))).bodyValue(Map.of("option", 0)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.correct").isEqualTo(false)
                .jsonPath("$.data.cuePass").isEqualTo("").jsonPath("$.data.explanation").isEqualTo("");
        Map<?, ?> right = (Map<?, ?>) web.post().uri("/api/v1/enrollments/{e}/lessons/{l}/cue-quizzes/{q}/attempts", enrollment, lesson, quizId)
                .headers(h -> h.setBearerAuth(tokens.trainee(trainee))).bodyValue(Map.of("option", 1)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("data");
        assertThat(right.get("correct")).isEqualTo(true);

        CuePass pass = heartbeatVerifier().verifyCuePass((String) right.get("cuePass")).block();
        assertThat(pass.accountId()).isEqualTo(trainee);
        assertThat(pass.enrollmentId()).isEqualTo(enrollment.toString());
        assertThat(pass.lessonId()).isEqualTo(lesson.toString());
        assertThat(pass.cueId()).isEqualTo(quizId);
        assertThat(count("SELECT count(*) FROM cue_quiz_attempt")).isEqualTo(2);

        String token = (String) ((Map<?, ?>) open(tokens.trainee(trainee), enrollment, lesson).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("data")).get("grant");
        assertThat(heartbeatVerifier().verifyGrant(token).block().cues())
                .containsExactly(new PlaybackGrant.CuePoint(quizId, 120, true));
    }

    @Test
    void instructorsSeeTheProgressTableOfTheirCohortsOnly() {
        web.get().uri("/api/v1/instructor/cohorts/{c}/progress?sort=progress,desc", cohort.cohortId())
                .headers(h -> h.setBearerAuth(tokens.instructor("inst-1"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.metadata.total").isEqualTo(1).jsonPath("$.data[0].accountId").isEqualTo(trainee);
        web.get().uri("/api/v1/instructor/cohorts/{c}/progress", cohort.cohortId())
                .headers(h -> h.setBearerAuth(tokens.instructor("inst-2"))).exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/me/enrollments").headers(h -> h.setBearerAuth(tokens.trainee(trainee))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data[0].enrollmentId").isEqualTo(enrollment.toString());
        web.get().uri("/api/v1/enrollments/{e}/progress", enrollment).headers(h -> h.setBearerAuth(tokens.trainee(trainee))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.length()").isEqualTo(2);
    }

    private int count(String sql) throws Exception {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}

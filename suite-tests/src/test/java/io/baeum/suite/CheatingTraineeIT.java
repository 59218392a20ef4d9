package io.baeum.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.baeum.suite.clients.AuthClient;
import io.baeum.suite.clients.Beat;
import io.baeum.suite.clients.LearningClient;
import io.baeum.suite.clients.Player;
import io.baeum.suite.fixtures.Courses;
import io.baeum.suite.fixtures.Courses.Classroom;
import io.baeum.suite.fixtures.People;
import io.baeum.suite.fixtures.People.Person;
import io.baeum.suite.support.Api;
import io.baeum.suite.support.Databases;
import io.baeum.suite.support.Suite;

/**
 * Scenario 2: a trainee who seeks ahead, plays in a hidden tab and plays too fast, through the gateway,
 * is told so (SEEK_BACK, LIMIT_RATE, refusal reasons), earns nothing for it and does not complete, even
 * though the wall-clock time of the session would complete the lesson if it were credited.
 */
@Order(2)
class CheatingTraineeIT {

    private static final Api browser = Suite.browser();
    private static final AuthClient auth = new AuthClient(browser);
    private static final LearningClient learning = new LearningClient(browser);
    private static final Duration STEP = Duration.ofSeconds(2);

    private static Classroom classroom;

    @BeforeAll
    static void anAdminPublishesACourseWithAShortLessonAndACohort() {
        classroom = Courses.classroom(auth, learning);
    }

    @Test
    void aTraineeWhoSeeksAheadPlaysHiddenAndTooFastGetsTheDirectivesEarnsNothingForItAndDoesNotComplete() {
        Person trainee = People.newVerifiedTrainee(auth, "cheat");
        String enrollment = classroom.enrol(learning, trainee);
        JsonNode opened = learning.openLesson(trainee.token(), enrollment, classroom.course().lessonId()).data(201);
        Player player = Player.start(browser, trainee.token(), opened.path("grant").asString());

        // a little honest play: earns its real time
        player.play("visible");
        Beat honest = player.playFor(STEP, "visible");
        assertThat(honest.refusal()).as("%s", honest).isNull();
        assertThat(honest.creditedMillis()).as("%s", honest).isPositive();
        double furthest = player.position();

        // jumps far ahead: told to go back to the furthest watched second, credited nothing
        Beat seek = player.seekTo(200, "visible");
        assertThat(seek.refusal()).as("%s", seek).isEqualTo("SEEK_AHEAD");
        assertThat(seek.creditedMillis()).isZero();
        assertThat(seek.directiveTypes()).as("%s", seek).contains("SEEK_BACK");
        assertThat(seek.directive("SEEK_BACK").path("position").asDouble()).isCloseTo(furthest, org.assertj.core.data.Offset.offset(1.0));

        // ignores it and plays on in a hidden tab: nothing
        for (int i = 0; i < 2; i++) {
            Beat hidden = player.playFor(STEP, "hidden");
            assertThat(hidden.refusal()).as("%s", hidden).isEqualTo("HIDDEN");
            assertThat(hidden.creditedMillis()).as("%s", hidden).isZero();
        }

        // back in view where it may be, but at 3x (the policy's cap is 2.0): told to slow down, nothing
        player.seekTo(furthest, "visible");
        player.changeRate(3.0, "visible");
        for (int i = 0; i < 2; i++) {
            Beat fast = player.playFor(STEP, "visible");
            assertThat(fast.refusal()).as("%s", fast).isEqualTo("RATE_TOO_HIGH");
            assertThat(fast.creditedMillis()).as("%s", fast).isZero();
            assertThat(fast.directiveTypes()).as("%s", fast).contains("LIMIT_RATE");
            assertThat(fast.directive("LIMIT_RATE").path("maxRate").asDouble()).isEqualTo(player.maxRate());
        }
        Beat end = player.finish();
        assertThat(end.completed()).as("%s", end).isFalse();
        long earned = end.studyMillis();
        assertThat(earned).as("only the honest seconds count").isLessThan(Courses.RECOGNISED_SECONDS * 1000L / 2);

        // learning-service receives the refusals as evidence and the honest seconds as progress, and nothing more
        await("the refusals and the session's end on record at learning-service").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    assertThat(evidence(enrollment)).contains("SESSION_STARTED", "SESSION_ENDED:ENDED",
                            "CREDIT_REFUSED:SEEK_AHEAD", "CREDIT_REFUSED:HIDDEN", "CREDIT_REFUSED:RATE_TOO_HIGH");
                    assertThat(learning.lessonProgress(trainee.token(), enrollment).get(0).path("studyMillis").asLong())
                            .isEqualTo(earned);
                });
        JsonNode lesson = learning.lessonProgress(trainee.token(), enrollment).get(0);
        assertThat(lesson.path("completed").asBoolean()).as("lesson %s", lesson).isFalse();
        assertThat(lesson.path("percent").asInt()).as("below half the recognised time counts 0 %%: %s", lesson).isZero();
        JsonNode card = learning.myCourse(trainee.token(), enrollment);
        assertThat(card.path("completedLessons").asInt()).as("course card %s", card).isZero();
        assertThat(card.path("progressPercent").asDouble()).as("course card %s", card).isZero();
        JsonNode row = learning.instructorRow(classroom.instructor().token(), classroom.course().cohortId(), enrollment);
        assertThat(row.path("completedLessons").asInt()).as("instructor's row %s", row).isZero();
    }

    /** learning's evidence rows of the enrollment ({@code KIND} or {@code KIND:reason}), as an auditor reads them. */
    private static List<String> evidence(String enrollment) {
        return Databases.rows("baeum_learning",
                "SELECT kind, detail->>'reason' FROM progress_evidence WHERE enrollment_id = ?::uuid ORDER BY seq", enrollment);
    }
}

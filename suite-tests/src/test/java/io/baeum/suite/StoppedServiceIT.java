package io.baeum.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.baeum.suite.clients.AuthClient;
import io.baeum.suite.clients.LearningClient;
import io.baeum.suite.fixtures.People;
import io.baeum.suite.fixtures.People.Person;
import io.baeum.suite.support.Api;
import io.baeum.suite.support.Launcher;
import io.baeum.suite.support.Reply;
import io.baeum.suite.support.Suite;
import io.baeum.suite.support.Suite.Service;

/**
 * Scenario 5, a stopped service: with learning-service stopped (the way an operator stops it, through
 * {@code deploy/local/service.sh}), the gateway answers its routes at once with the circuit breaker's
 * fallback ({@code 503 SERVICE_UNAVAILABLE} + {@code Retry-After}), the other routes keep working, and
 * once learning-service is started again its routes recover without anyone touching the gateway.
 * Runs last ({@link Order}) and leaves learning-service running, whatever happens.
 */
@Order(Integer.MAX_VALUE)
class StoppedServiceIT {

    /** "Quickly": a browser must not hang on a dead service. */
    private static final Duration FALLBACK_WITHIN = Duration.ofMillis(1500);

    private static final Api browser = Suite.browser();
    private static final AuthClient auth = new AuthClient(browser);
    private static final LearningClient learning = new LearningClient(browser);

    @Test
    void whileLearningServiceIsDownTheGatewayAnswersItsFallbackAtOnceOtherRoutesWorkAndTheRouteRecovers() {
        Person trainee = People.newTrainee(auth, "outage");
        learning.catalog().data();
        learning.myCourses(trainee.token()).data();

        Launcher.stop(Service.LEARNING);
        try {
            Duration slowest = Duration.ZERO;
            for (int i = 0; i < 5; i++) {
                // a retried GET and a never-retried POST, public and authenticated
                for (Reply reply : new Reply[] {learning.catalog(), learning.myCourses(trainee.token()),
                        browser.as(trainee.token()).post("/api/v1/cohorts/{id}/enrollments", Map.of(), "00000000-0000-4000-b000-000000000201")}) {
                    fallsBackQuickly(reply);
                    slowest = reply.elapsed().compareTo(slowest) > 0 ? reply.elapsed() : slowest;
                }
            }
            System.out.printf("stopped service: slowest fallback answer %d ms%n", slowest.toMillis());
            // the rest of the suite does not notice
            assertThat(auth.logIn(trainee.email(), trainee.password()).accessToken()).isNotBlank();
            assertThat(auth.me(trainee.token()).data().path("id").asString()).isEqualTo(trainee.id());
            browser.as(trainee.token()).post("/api/v1/playback/sessions", Map.of("grant", "not-a-grant",
                    "deviceFingerprint", "suite-tests")).assertError(403, "GRANT_INVALID");
        } finally {
            Launcher.start(Service.LEARNING);
        }

        Instant back = Instant.now();
        await("learning-service's routes through the gateway once it is back").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).until(() -> learning.catalog().status() == 200);
        System.out.printf("stopped service: routes recovered %d ms after learning-service was ready%n",
                Duration.between(back, Instant.now()).toMillis());
        learning.catalog().data();
        learning.myCourses(trainee.token()).data();
    }

    private static void fallsBackQuickly(Reply reply) {
        reply.assertError(503, "SERVICE_UNAVAILABLE");
        assertThat(reply.header("Retry-After")).as("Retry-After of %s", reply).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(reply.elapsed()).as("time to answer %s", reply).isLessThan(FALLBACK_WITHIN);
    }
}

package io.baeum.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.baeum.suite.clients.AuthClient;
import io.baeum.suite.clients.Session;
import io.baeum.suite.fixtures.People;
import io.baeum.suite.fixtures.People.Person;
import io.baeum.suite.support.Api;
import io.baeum.suite.support.Reply;
import io.baeum.suite.support.Suite;
import io.baeum.suite.support.Suite.Service;

/**
 * Scenario 4, SECURITY.md G5 (a revoked {@code sid} is refused everywhere within seconds): after
 * {@code POST /api/v1/auth/logout} the old access token — still unexpired and correctly signed — is
 * refused at the gateway and directly at auth-service, learning-service and heartbeat-service, while
 * another session of the same account keeps working.
 */
@Order(4)
class LogoutIT {

    /** How long "within seconds" may take: the gateway caches a deny-list lookup for 2 s. */
    private static final Duration WITHIN = Duration.ofSeconds(5);

    private static final Api browser = Suite.browser();
    private static final AuthClient auth = new AuthClient(browser);

    /** One protected request per place a token is checked, and what an accepted token gets there. */
    private record Checkpoint(String name, Function<String, Reply> call, int acceptedStatus) {
    }

    private static final List<Checkpoint> CHECKPOINTS = List.of(
            new Checkpoint("gateway -> auth-service GET /api/v1/me", token -> browser.as(token).get("/api/v1/me"), 200),
            new Checkpoint("gateway -> learning-service GET /api/v1/me/enrollments",
                    token -> browser.as(token).get("/api/v1/me/enrollments"), 200),
            new Checkpoint("auth-service directly GET /api/v1/me",
                    token -> Suite.direct(Service.AUTH).as(token).get("/api/v1/me"), 200),
            new Checkpoint("learning-service directly GET /api/v1/me/enrollments",
                    token -> Suite.direct(Service.LEARNING).as(token).get("/api/v1/me/enrollments"), 200),
            // an accepted token gets past security and is refused for the made-up grant
            new Checkpoint("heartbeat-service directly POST /api/v1/playback/sessions",
                    token -> Suite.direct(Service.HEARTBEAT).as(token).post("/api/v1/playback/sessions",
                            Map.of("grant", "not-a-grant", "deviceFingerprint", "suite-tests")), 403));

    @Test
    void afterLogoutTheOldAccessTokenIsRefusedAtTheGatewayAndAtEveryServiceWithinSeconds() {
        Person trainee = People.newTrainee(auth, "logout");
        Session other = auth.logIn(trainee.email(), trainee.password());
        for (Checkpoint checkpoint : CHECKPOINTS) {
            assertThat(checkpoint.call().apply(trainee.token()).status()).as("before logout: %s", checkpoint.name())
                    .isEqualTo(checkpoint.acceptedStatus());
        }

        auth.logOut(trainee.token());
        Instant loggedOut = Instant.now();

        for (Checkpoint checkpoint : CHECKPOINTS) {
            await("the logged-out token refused by " + checkpoint.name()).atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> checkpoint.call().apply(trainee.token()).assertError(401, "UNAUTHORIZED"));
        }
        System.out.printf("logout: old token refused everywhere %d ms after the logout answered%n",
                Duration.between(loggedOut, Instant.now()).toMillis());
        // only that session ended: the account's other session still works everywhere
        for (Checkpoint checkpoint : CHECKPOINTS) {
            assertThat(checkpoint.call().apply(other.accessToken()).status()).as("the other session at %s", checkpoint.name())
                    .isEqualTo(checkpoint.acceptedStatus());
        }
    }
}

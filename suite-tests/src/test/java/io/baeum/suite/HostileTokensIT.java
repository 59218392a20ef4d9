package io.baeum.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.jwk.RSAKey;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

import tools.jackson.databind.JsonNode;

import io.baeum.suite.clients.AuthClient;
import io.baeum.suite.fixtures.HostileTokens;
import io.baeum.suite.fixtures.HostileTokens.Hostile;
import io.baeum.suite.fixtures.People;
import io.baeum.suite.fixtures.People.Person;
import io.baeum.suite.support.Api;
import io.baeum.suite.support.JwksTrap;
import io.baeum.suite.support.Prometheus;
import io.baeum.suite.support.Reply;
import io.baeum.suite.support.Suite;
import io.baeum.suite.support.Suite.Service;

/**
 * Scenario 3, SECURITY.md G1–G5 at the edge: every hostile token (and no token, and client-sent identity
 * headers) is refused by the gateway with a 401/403 envelope, and the service behind it never sees the
 * request — checked the way an operator would, with the service's own request counter
 * ({@code http_server_requests_seconds_count} on its {@code /actuator/prometheus}). The same tokens sent
 * straight to each service are refused there too (defence in depth).
 */
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileTokensIT {

    /** A protected request on each service behind the gateway, and what a genuine token gets there. */
    record Target(Service service, String method, String path, @Nullable Object body, int genuineStatus) {
        Reply send(Api caller) {
            return caller.send(method, path, body);
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + service.launcherName() + ")";
        }
    }

    private static final List<Target> TARGETS = List.of(
            new Target(Service.LEARNING, "GET", "/api/v1/me/enrollments", null, 200),
            // a genuine token gets past security and is refused for the grant: 403 GRANT_INVALID
            new Target(Service.HEARTBEAT, "POST", "/api/v1/playback/sessions",
                    Map.of("grant", "not-a-grant", "deviceFingerprint", "suite-tests"), 403),
            new Target(Service.AUTH, "GET", "/api/v1/me", null, 200));

    private static final Api browser = Suite.browser();
    private static final AuthClient auth = new AuthClient(browser);
    private static final RSAKey attackerKey = HostileTokens.newAttackerKey();

    private static JwksTrap trap;
    private static Person trainee;
    private static HostileTokens tokens;

    @BeforeAll
    static void aTraineeSignsInAndAnAttackerSetsUpAKeyServer() {
        trap = new JwksTrap(attackerKey);
        trainee = People.newTrainee(auth, "target");
        tokens = HostileTokens.from(trainee.session(), attackerKey);
    }

    @AfterAll
    static void stopTheKeyServer() {
        if (trap != null) {
            trap.close();
        }
    }

    @Test
    @Order(1)
    void aGenuineTokenSignedTheSameWayReachesEveryServiceAndIsCounted() {
        // the control: the forging works, and a request that does reach a service moves its counter
        String genuine = tokens.genuineCopy();
        for (Target target : TARGETS) {
            long before = Prometheus.apiRequestsAnswered(target.service());
            Reply reply = target.send(browser.as(genuine));
            assertThat(reply.status()).as("%s", reply).isEqualTo(target.genuineStatus());
            await("%s counted by %s".formatted(target, target.service())).atMost(Duration.ofSeconds(3))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> Prometheus.apiRequestsAnswered(target.service()) > before);
        }
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> everyHostileTokenIsRefusedAtTheGatewayAndNeverReachesTheService() {
        Map<Service, Long> before = answeredByEachService();
        List<DynamicTest> tests = new ArrayList<>();
        for (Hostile hostile : tokens.all(trap)) {
            for (Target target : TARGETS) {
                tests.add(DynamicTest.dynamicTest(hostile + " -> " + target,
                        () -> refusedAtTheEdge(target, caller(hostile), 401, "UNAUTHORIZED")));
            }
        }
        tests.add(DynamicTest.dynamicTest("and the services answered none of them", () ->
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                        assertThat(answeredByEachService()).as("API requests answered by each service").isEqualTo(before))));
        return tests.stream();
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> everyHostileTokenIsRefusedByEachServiceDirectly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Hostile hostile : tokens.all(trap)) {
            for (Target target : TARGETS) {
                tests.add(DynamicTest.dynamicTest(hostile + " -> " + target + " directly",
                        () -> target.send(callerOf(Suite.direct(target.service()), hostile)).assertError(401, "UNAUTHORIZED")));
            }
        }
        return tests.stream();
    }

    @Test
    @Order(4)
    void identityHeadersSentByTheClientAreNotHonoured() {
        Person admin = People.admin(auth);
        Api forger = browser.withHeader("X-User-Id", admin.id()).withHeader("X-User-Roles", "ADMIN")
                .withHeader("X-User-Email", admin.email());
        // without a token, the headers authenticate nobody
        for (Target target : TARGETS) {
            refusedAtTheEdge(target, forger, 401, "UNAUTHORIZED");
        }
        // with a trainee's token, they grant no role: admin paths stay closed at the edge
        refusedAtTheEdge(new Target(Service.LEARNING, "GET", "/api/v1/admin/courses", null, 0), forger.as(trainee.token()),
                403, "FORBIDDEN");
        refusedAtTheEdge(new Target(Service.AUTH, "GET", "/api/v1/admin/members", null, 0), forger.as(trainee.token()),
                403, "FORBIDDEN");
        // and they do not change who the caller is
        JsonNode me = auth.me(trainee.token()).data();
        JsonNode meWithHeaders = new AuthClient(forger).me(trainee.token()).data();
        assertThat(meWithHeaders.path("id").asString()).isEqualTo(trainee.id()).isEqualTo(me.path("id").asString());
        assertThat(meWithHeaders.path("roles").toString()).doesNotContain("ADMIN");
    }

    @Test
    @Order(5)
    void noVerifierEverFetchedAKeyFromAUrlInATokenHeader() {
        assertThat(trap.fetches()).as("fetches of the attacker's jku/x5u URLs").isEmpty();
    }

    private static void refusedAtTheEdge(Target target, Api caller, int status, String code) {
        long before = Prometheus.apiRequestsAnswered(target.service());
        target.send(caller).assertError(status, code);
        assertThat(Prometheus.apiRequestsAnswered(target.service()))
                .as("requests answered by %s: the gateway must not forward %s", target.service().launcherName(), target)
                .isEqualTo(before);
    }

    private static Api caller(Hostile hostile) {
        return callerOf(browser, hostile);
    }

    private static Api callerOf(Api api, Hostile hostile) {
        return hostile.bearer() == null ? api : api.as(hostile.bearer());
    }

    private static Map<Service, Long> answeredByEachService() {
        Map<Service, Long> answered = new EnumMap<>(Service.class);
        for (Target target : TARGETS) {
            answered.put(target.service(), Prometheus.apiRequestsAnswered(target.service()));
        }
        return answered;
    }
}

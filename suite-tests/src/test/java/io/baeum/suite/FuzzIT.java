package io.baeum.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.baeum.suite.clients.AuthClient;
import io.baeum.suite.fixtures.DemoAccounts;
import io.baeum.suite.fixtures.People;
import io.baeum.suite.fuzz.OpenApiFuzzer;
import io.baeum.suite.support.Reply;
import io.baeum.suite.support.Suite;
import io.baeum.suite.support.Suite.Service;
import tools.jackson.databind.JsonNode;

/**
 * Our schema-driven fuzz pass (issue 12, SECURITY.md "HTTP robustness"): every operation of every service's
 * OpenAPI document, read through the gateway ({@code /v3/api-docs/<service>}) and checked against the
 * service's own {@code /v3/api-docs}, is called with valid and mutated requests, with no token and with
 * trainee, instructor and admin tokens — straight at the service, then once more through the gateway as
 * the admin. Fails on any 5xx, accepted invalid payload, error outside the envelope or answer slower than
 * 5 s; the report (operations, requests, mutation classes, findings) is printed for the CI log.
 */
class FuzzIT {

    /** Operations that would end the fuzzer's sessions or change what the other scenarios rely on. */
    static final List<Pattern> SKIP = List.of(
            Pattern.compile("POST /api/v1/auth/logout"),
            Pattern.compile("POST /api/v1/admin/signing-keys/rotate"),
            Pattern.compile("POST /api/v1/admin/terms"),
            Pattern.compile("POST /api/v1/me/password"));
    /** Through the gateway, the sign-in and token endpoints share a per-address limit with the other scenarios. */
    static final List<Pattern> GATEWAY_SKIP = List.of(Pattern.compile("POST /api/v1/auth/.*"),
            Pattern.compile("POST /api/v1/identity-verifications.*"));

    static final Map<String, Service> SERVICES = Map.of("auth", Service.AUTH, "learning", Service.LEARNING,
            "heartbeat", Service.HEARTBEAT);

    @Test
    void noOperationAnswersAServerErrorAcceptsAnInvalidPayloadOrLeavesTheEnvelope() {
        AuthClient auth = new AuthClient(Suite.browser());
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("none", "");
        callers.put("trainee", People.newTrainee(auth, "fuzz").token());
        // own sessions, so nothing the fuzzer does can touch the shared staff sessions of other scenarios
        callers.put("instructor", auth.logIn(DemoAccounts.instructor().email(), DemoAccounts.instructor().password())
                .accessToken());
        String admin = auth.logIn(DemoAccounts.admin().email(), DemoAccounts.admin().password()).accessToken();
        callers.put("admin", admin);

        List<OpenApiFuzzer.Target> direct = new ArrayList<>();
        List<OpenApiFuzzer.Target> viaGateway = new ArrayList<>();
        SERVICES.forEach((name, service) -> {
            Reply throughGateway = Suite.direct(Service.GATEWAY).get("/v3/api-docs/" + name);
            assertThat(throughGateway.status()).as("gateway /v3/api-docs/" + name).isEqualTo(200);
            JsonNode document = OpenApiFuzzerJson.read(throughGateway.body());
            JsonNode own = OpenApiFuzzerJson.read(Suite.direct(service).get("/v3/api-docs").body());
            assertThat(document.path("paths").propertyNames()).as(name + " document through the gateway")
                    .containsExactlyInAnyOrderElementsOf(own.path("paths").propertyNames());
            direct.add(new OpenApiFuzzer.Target(name, document, service.url()));
            viaGateway.add(new OpenApiFuzzer.Target(name, document, Service.GATEWAY.url()));
        });

        OpenApiFuzzer.Report report = new OpenApiFuzzer(callers, Duration.ofSeconds(150), SKIP).run(direct);
        System.out.println("=== fuzz, straight at the services ===\n" + report.text());
        List<Pattern> gatewaySkip = new ArrayList<>(SKIP);
        gatewaySkip.addAll(GATEWAY_SKIP);
        OpenApiFuzzer.Report gateway = new OpenApiFuzzer(Map.of("admin", admin), Duration.ofSeconds(60), gatewaySkip)
                .run(viaGateway);
        System.out.println("=== fuzz, through the gateway ===\n" + gateway.text());

        assertThat(report.findings()).as(report.text()).isEmpty();
        assertThat(gateway.findings()).as(gateway.text()).isEmpty();
        assertThat(report.operations()).as("operations covered").isGreaterThan(40);
    }

    /** The documents' JSON. */
    static final class OpenApiFuzzerJson {
        static JsonNode read(String json) {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json);
        }
    }
}

package io.baeum.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.env.Environment;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every Baeum service promises operators, checked against the real service on a random port:
 * liveness and readiness probes, Prometheus metrics tagged with the application, build info, the
 * error envelope for unknown routes with a request id, and — for services with a database — its own
 * Flyway migrations applied to a fresh database.
 *
 * <p>A service's test extends this, registers {@link BaeumInfrastructure} and returns it from
 * {@link #infrastructure()}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class ServiceConventionsContract {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected Environment environment;

    /** The infrastructure this service's test registered. */
    protected abstract BaeumInfrastructure infrastructure();

    @Test
    void livenessAndReadinessProbesAreUp() {
        web.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        var readiness = web.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        if (infrastructure().hasPostgres()) {
            readiness.jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        }
    }

    @Test
    void prometheusMetricsAreTaggedWithTheApplication() {
        String application = environment.getRequiredProperty("spring.application.name");
        web.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("jvm_memory_used_bytes")
                        .contains("application=\"" + application + "\""));
    }

    @Test
    void buildInfoNamesTheModule() {
        String application = environment.getRequiredProperty("spring.application.name");
        web.get().uri("/actuator/info").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.build.artifact").isEqualTo(application);
    }

    @Test
    void unknownRoutesAnswerTheErrorEnvelopeWithARequestId() {
        web.get().uri("/api/v1/no-such-resource").exchange()
                .expectStatus().isNotFound()
                .expectHeader().exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.error.status").isEqualTo(404)
                .jsonPath("$.metadata.requestId").isNotEmpty();
    }

    @Test
    void ownMigrationsAreAppliedToItsOwnDatabase() throws SQLException {
        assumeTrue(infrastructure().hasPostgres(), "this service has no database");
        try (Connection connection = infrastructure().database().connect();
             Statement statement = connection.createStatement()) {
            List<String> versions = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
                while (rs.next()) {
                    assertThat(rs.getBoolean("success")).as("migration %s succeeded", rs.getString("version")).isTrue();
                    versions.add(rs.getString("version"));
                }
            }
            assertThat(versions).contains("0.1");
            try (ResultSet rs = statement.executeQuery("SELECT to_regclass('outbox_event') IS NOT NULL AND to_regclass('inbox_event') IS NOT NULL")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("outbox and inbox tables exist").isTrue();
            }
        }
    }
}

package io.baeum.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every Baeum service promises operators, checked against the real service on a random port:
 * liveness and readiness probes, Prometheus metrics tagged with the application, build info, the
 * error envelope for unknown routes with a request id, for services with a database its own
 * Flyway migrations applied to a fresh database, and for services that publish one (see
 * {@link #documentedPaths()}) a public OpenAPI document that follows the shared conventions and whose
 * bearer requirements tell the truth.
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

    /**
     * The main paths this service's OpenAPI document ({@code GET /v3/api-docs}) must contain (empty
     * for a service without endpoints yet), or {@code null} when the application publishes no document
     * of its own (the gateway only aggregates the services' documents).
     */
    protected @Nullable List<String> documentedPaths() {
        return null;
    }

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

    @Test
    void openApiDocumentIsPublicAndFollowsTheConventions() {
        List<String> expectedPaths = documentedPaths();
        assumeTrue(expectedPaths != null, "this application publishes no OpenAPI document of its own");
        String application = environment.getRequiredProperty("spring.application.name");
        String buildVersion = web.get().uri("/actuator/info").exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody()
                .get("build") instanceof Map<?, ?> build ? String.valueOf(build.get("version")) : "unversioned";

        apiDocs().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi").value(String.class, version -> assertThat(version).startsWith("3.1"))
                .jsonPath("$.info.title").isEqualTo("Baeum " + application)
                .jsonPath("$.info.version").isEqualTo(buildVersion)
                .jsonPath("$.info.description").isNotEmpty()
                .jsonPath("$.servers[0].url").isEqualTo("/")
                .jsonPath("$.components.securitySchemes.bearer-jwt.type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes.bearer-jwt.scheme").isEqualTo("bearer")
                .jsonPath("$.components.securitySchemes.bearer-jwt.bearerFormat").isEqualTo("JWT")
                .jsonPath("$.components.schemas.ErrorResponse.properties.error.$ref").isEqualTo("#/components/schemas/ApiError")
                .jsonPath("$.components.schemas.ApiError.properties.code").exists()
                .jsonPath("$.components.schemas.ApiError.properties.fieldErrors").exists()
                .jsonPath("$.components.responses.Error.content.application/json.schema.$ref")
                .isEqualTo("#/components/schemas/ErrorResponse");

        Map<String, Map<String, Map<String, Object>>> paths = operationsByPath();
        assertThat(paths.keySet()).as("documented paths").containsAll(expectedPaths)
                .noneMatch(path -> path.startsWith("/actuator") || path.startsWith("/v3/api-docs"));
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                assertThat(responses(operation)).as("%s %s responses", method, path)
                        .containsKeys("4XX", "5XX")));
    }

    @Test
    void documentedBearerRequirementsMatchTheSecurityChain() {
        assumeTrue(documentedPaths() != null, "this application publishes no OpenAPI document of its own");
        operationsByPath().forEach((path, operations) -> operations.forEach((method, operation) -> {
            boolean secured = operation.get("security") instanceof List<?> requirements
                    && requirements.stream().anyMatch(r -> r instanceof Map<?, ?> m && m.containsKey("bearer-jwt"));
            // security runs before routing and binding: without a token, a secured operation never reaches its handler
            String uri = path.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000001");
            if (secured) {
                assertThat(responses(operation)).as("%s %s responses", method, path).containsKey("401");
                web.method(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT))).uri(uri).exchange()
                        .expectStatus().isUnauthorized()
                        .expectBody().jsonPath("$.error.code").isEqualTo("UNAUTHORIZED");
            } else if (method.equals("get")) {
                // an undocumented requirement would surprise the client: a public GET must not answer 401
                web.get().uri(uri).exchange()
                        .expectStatus().value(status -> assertThat(status).as("GET %s without a token", path).isNotEqualTo(401));
            }
        }));
    }

    /** springdoc builds the document on the first request: seconds on a busy machine, then it is cached. */
    private WebTestClient apiDocs() {
        return web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @SuppressWarnings("unchecked")
    private static Map<String, Object> responses(Map<String, Object> operation) {
        Object responses = operation.get("responses");
        return responses == null ? Map.of() : (Map<String, Object>) responses;
    }

    /** path → method (lower case, as in the document) → operation. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Map<String, Object>>> operationsByPath() {
        Map<String, Object> document = apiDocs().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody();
        assertThat(document).isNotNull();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Map<String, Map<String, Map<String, Object>>> operations = new TreeMap<>();
        if (paths != null) {
            paths.forEach((path, item) -> item.forEach((key, value) -> {
                if (HTTP_METHODS.contains(key)) {
                    operations.computeIfAbsent(path, p -> new TreeMap<>()).put(key, (Map<String, Object>) value);
                }
            }));
        }
        return operations;
    }
}

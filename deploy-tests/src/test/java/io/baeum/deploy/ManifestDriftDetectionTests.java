package io.baeum.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The checks of {@link ManifestConsistencyTests} can fail: each test breaks the base (read from its files, so no
 * kubectl is needed) or a queue list the way a careless edit would, and expects the exact disagreement reported.
 */
class ManifestDriftDetectionTests {

    private static final Path root = Reactor.root();
    private static final List<ServiceModule> services = Reactor.services();

    @Test
    void theUntouchedBaseHasNoViolations() {
        assertThat(violations(base())).isEmpty();
    }

    @Test
    void aMisspelledVariableIsReported() {
        List<Map<String, Object>> objects = base();
        Map<String, Object> data = configMapData(objects, "learning-service-config");
        data.put("BAEUM_LEARNING_ACOUNTS_BASEURL", data.remove("BAEUM_LEARNING_ACCOUNTS_BASEURL"));

        assertThat(violations(objects)).anySatisfy(v -> assertThat(v)
                .contains("learning-service").contains("BAEUM_LEARNING_ACOUNTS_BASEURL binds to no property"));
        // and the property it should have set is back on its local default
        assertThat(violations(objects)).anySatisfy(v -> assertThat(v)
                .contains("baeum.learning.accounts.base-url keeps its local default (http://127.0.0.1:8081)"));
    }

    @Test
    void aTokenSettingOnAServiceThatDoesNotVerifyTokensThatWayIsReported() {
        // auth-service verifies its own tokens in-process: the JWKS setting would switch on an auto-configuration
        List<Map<String, Object>> objects = base();
        env(objects, "auth-service").add(new LinkedHashMap<>(Map.of("name", "BAEUM_SECURITY_TOKEN_JWKSURI", "value", "http://auth-service/.well-known/jwks.json")));

        assertThat(violations(objects)).contains(
                "base auth-service: BAEUM_SECURITY_TOKEN_JWKSURI binds to no property of auth-service (its @ConfigurationProperties, application.yml or the Spring keys of its infrastructure)");
    }

    @Test
    void aMissingRequiredSecretIsReported() {
        List<Map<String, Object>> objects = base();
        env(objects, "heartbeat-service").removeIf(e -> "BAEUM_HEARTBEAT_EMISSION_KEYSECRET".equals(e.get("name")));

        assertThat(violations(objects)).contains(
                "base heartbeat-service: nothing sets baeum.heartbeat.emission.key-secret, which heartbeat-service requires and has no default for");
    }

    @Test
    void aWrongContainerPortOrProbePathIsReported() {
        List<Map<String, Object>> objects = base();
        Map<String, Object> container = K8s.mainContainer(deployment(objects, "exam-service"));
        K8s.list(container, "ports").getFirst().put("containerPort", 8080);
        K8s.at(container, "readinessProbe", "httpGet").put("path", "/actuator/health/ready");

        assertThat(violations(objects)).contains(
                "base exam-service: container port http is 8080 but server.port is 8084",
                "base exam-service: readinessProbe asks /actuator/health/ready, the service answers /actuator/health/readiness");
    }

    @Test
    void aServiceWithoutItsAutoscalerOrBudgetIsReported() {
        List<Map<String, Object>> objects = new ArrayList<>(base());
        objects.removeIf(o -> ("HorizontalPodAutoscaler".equals(o.get("kind")) || "PodDisruptionBudget".equals(o.get("kind")))
                && "rag-service".equals(K8s.name(o)));

        assertThat(violations(objects)).contains("base rag-service: no HorizontalPodAutoscaler", "base rag-service: no PodDisruptionBudget");
    }

    @Test
    void aWritableRootFilesystemOrAShortGracePeriodIsReported() {
        List<Map<String, Object>> objects = base();
        Map<String, Object> deployment = deployment(objects, "billing-service");
        K8s.at(K8s.mainContainer(deployment), "securityContext").put("readOnlyRootFilesystem", false);
        K8s.podSpec(deployment).put("terminationGracePeriodSeconds", 15);

        assertThat(violations(objects)).contains("base billing-service: root filesystem is not read-only",
                "base billing-service: terminationGracePeriodSeconds 15 < preStop 10 s + spring.lifecycle.timeout-per-shutdown-phase 20 s");
    }

    @Test
    void aSecretWrittenInTheManifestIsReportedForProduction() {
        List<Map<String, Object>> objects = base();
        Map<String, Object> apiSecret = env(objects, "billing-service").stream()
                .filter(e -> "BAEUM_BILLING_PORTONE_APISECRET".equals(e.get("name"))).findFirst().orElseThrow();
        apiSecret.remove("valueFrom");
        apiSecret.put("value", "written-in-the-repository");

        assertThat(new DeploymentChecks().kubernetes("base", objects, services, true).violations())
                .contains("base billing-service: BAEUM_BILLING_PORTONE_APISECRET holds a secret but does not come from a Secret");
    }

    @Test
    void aQueueOverrideThatNamesNoQueueIsReported() {
        List<Map<String, Object>> objects = base();
        configMapData(objects, "heartbeat-service-config").put("BAEUM_HEARTBEAT_EMISSION_QUEUE", "progress-event");

        assertThat(violations(objects)).contains(
                "base heartbeat-service: BAEUM_HEARTBEAT_EMISSION_QUEUE=progress-event names a queue the service does not declare");
    }

    @Test
    void aQueueWithoutItsDeadLetterQueueOrMissingInOneListIsReported() {
        Map<String, Map<String, QueueDefinitions.Queue>> definitions = new LinkedHashMap<>(ManifestConsistencyTests.queueDefinitions(root));
        Map<String, QueueDefinitions.Queue> sqs = new LinkedHashMap<>(definitions.get("deploy/k8s/aws/queues.yaml"));
        sqs.put("exam-events", new QueueDefinitions.Queue("exam-events", Optional.empty(), 0, Optional.of(30)));
        sqs.remove("rag-events");
        definitions.put("deploy/k8s/aws/queues.yaml", sqs);

        assertThat(QueueChecks.check(services, definitions)).contains(
                "deploy/k8s/aws/queues.yaml: queue exam-events has no dead-letter queue",
                "deploy/k8s/aws/queues.yaml: no queue rag-events (rag-service, baeum.rag.events.queue)",
                "queue rag-events is in deploy/local/elasticmq/elasticmq.conf but not in deploy/k8s/aws/queues.yaml");
    }

    @Test
    void aReactorServiceWithoutManifestsIsReported() {
        List<Map<String, Object>> objects = new ArrayList<>(base());
        objects.removeIf(o -> "gateway".equals(K8s.name(o)) && "Deployment".equals(o.get("kind")));

        assertThat(violations(objects)).contains("base gateway: no Deployment");
    }

    private static List<String> violations(List<Map<String, Object>> objects) {
        return new DeploymentChecks().kubernetes("base", objects, services, false).violations();
    }

    /** A fresh copy of the base, to change. */
    private static List<Map<String, Object>> base() {
        return Kustomize.readBase(root.resolve("deploy/k8s/base"));
    }

    private static Map<String, Object> deployment(List<Map<String, Object>> objects, String name) {
        return K8s.find(objects, "Deployment", name).orElseThrow();
    }

    private static List<Map<String, Object>> env(List<Map<String, Object>> objects, String service) {
        return K8s.list(K8s.mainContainer(deployment(objects, service)), "env");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configMapData(List<Map<String, Object>> objects, String name) {
        return (Map<String, Object>) K8s.find(objects, "ConfigMap", name).orElseThrow().get("data");
    }
}

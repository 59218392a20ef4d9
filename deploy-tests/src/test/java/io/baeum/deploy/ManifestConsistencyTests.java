package io.baeum.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.typesafe.config.Config;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/ agrees with the services: the Kubernetes overlays render (kubectl kustomize, when kubectl is on the PATH)
 * and run every service of the reactor with its port, probe paths and environment; the compose file too; every
 * queue a service uses is declared with a dead-letter queue for SQS (deploy/k8s/aws) and ElasticMQ alike.
 */
class ManifestConsistencyTests {

    private static final Path root = Reactor.root();
    private static final List<ServiceModule> services = Reactor.services();

    @Test
    void theReactorHasTheServicesTheManifestsAreWrittenFor() {
        // guards the discovery itself: a reactor change that hid the services would make every check vacuous
        assertThat(services).extracting(ServiceModule::name).contains("gateway", "auth-service", "learning-service",
                "heartbeat-service", "exam-service", "billing-service", "rag-service");
        assertThat(services).allSatisfy(s -> assertThat(s.properties()).isNotEmpty());
    }

    @Test
    void theBaseAgreesWithTheServices() {
        // without kubectl the base is read file by file; with it, rendered as kustomize does
        Path base = root.resolve("deploy/k8s/base");
        List<Map<String, Object>> objects = Kustomize.kubectl().map(k -> Kustomize.render(k, base)).orElseGet(() -> Kustomize.readBase(base));
        assertThat(new DeploymentChecks().kubernetes("base", objects, services, false).violations()).isEmpty();
    }

    @Test
    void theProductionOverlayRendersAndAgreesWithTheServices() {
        List<Map<String, Object>> objects = render("deploy/k8s/overlays/production");
        assertThat(new DeploymentChecks().kubernetes("overlays/production", objects, services, true).violations()).isEmpty();
        assertThat(K8s.find(objects, "Ingress", "gateway")).hasValueSatisfying(ingress ->
                assertThat(K8s.list(K8s.at(ingress, "spec"), "tls")).isNotEmpty());
    }

    @Test
    void theLocalOverlayRendersAndAgreesWithTheServices() {
        List<Map<String, Object>> objects = render("deploy/k8s/overlays/local");
        assertThat(new DeploymentChecks().kubernetes("overlays/local", objects, services, false).violations()).isEmpty();
    }

    @Test
    void theQueueAndMonitoringKustomizationsRender() {
        assertThat(QueueDefinitions.ack(render("deploy/k8s/aws"))).isNotEmpty();
        assertThat(K8s.ofKind(render("deploy/k8s/monitoring"), "PrometheusRule")).hasSize(1);
    }

    @Test
    void theHeartbeatAutoscalerAndTheAlertsNameMetersTheServicesRegister() throws Exception {
        Path monitoring = root.resolve("deploy/k8s/monitoring");
        String adapterRules = ServiceModule.readString(monitoring.resolve("prometheus-adapter-rules.yaml"));
        String alerts = ServiceModule.readString(monitoring.resolve("alerts.yaml"));
        Set<String> meters = new TreeSet<>();
        for (String module : Stream.concat(Stream.of("common-lib"), services.stream().map(ServiceModule::name)).toList()) {
            try (Stream<Path> files = Files.walk(root.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher meter = METER.matcher(Files.readString(file));
                    while (meter.find()) {
                        meters.add(meter.group(1).replace('.', '_'));
                    }
                }
            }
        }
        // every baeum_* series named there is a meter of some service (Prometheus adds _total to counters)
        Matcher series = Pattern.compile("\\b(baeum_[a-z_]+)").matcher(adapterRules + alerts);
        Set<String> named = new TreeSet<>();
        while (series.find()) {
            named.add(series.group(1));
        }
        assertThat(named).isNotEmpty().allSatisfy(name -> assertThat(meters)
                .as("a meter for " + name).contains(name.replaceAll("_(total|per_second)$", "")));

        // the heartbeat HPA asks for the metric the adapter rule serves
        Map<String, Object> hpa = Kustomize.parse(ServiceModule.readString(root.resolve("deploy/k8s/base/heartbeat-service/hpa.yaml"))).getFirst();
        Object metric = K8s.list(K8s.at(hpa, "spec"), "metrics").stream().filter(m -> "Pods".equals(m.get("type")))
                .map(m -> K8s.at(m, "pods", "metric").get("name")).findFirst().orElseThrow();
        assertThat(adapterRules).contains("as: " + metric).contains("baeum_heartbeat_beats_total");
    }

    private static final Pattern METER = Pattern.compile("(?:Counter|Gauge|Timer|DistributionSummary)\\.builder\\(\"(baeum\\.[a-z.]+)\"");

    @Test
    void theComposeFileAgreesWithTheServices() {
        Map<String, Object> compose = new Yaml().load(ServiceModule.readString(root.resolve("deploy/compose/compose.yaml")));
        assertThat(new DeploymentChecks().compose("compose.yaml", compose, services).violations()).isEmpty();
    }

    @Test
    void composesElasticMqServesTheLaunchersQueuesToTheOtherContainers() {
        // the files compose mounts into the ElasticMQ container, read as ElasticMQ reads them
        Path composeDir = root.resolve("deploy/compose");
        Map<String, Object> compose = new Yaml().load(ServiceModule.readString(composeDir.resolve("compose.yaml")));
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (Object volume : (List<?>) K8s.at(compose, "services", "elasticmq").get("volumes")) {
            String[] parts = volume.toString().split(":");
            mounts.put(parts[1], composeDir.resolve(parts[0]).normalize());
        }
        Config config = ElasticMqConfig.load(mounts.get("/opt/elasticmq.conf"), mounts);

        assertThat(QueueDefinitions.elasticMq(config))
                .isEqualTo(QueueDefinitions.elasticMq(root.resolve("deploy/local/elasticmq/elasticmq.conf")))
                .containsKeys("progress-events", "progress-events-dlq");
        assertThat(config.getString("node-address.host")).isEqualTo("elasticmq");
        assertThat(config.getString("rest-sqs.bind-hostname")).isEqualTo("0.0.0.0");
        assertThat(config.getInt("rest-sqs.bind-port")).isEqualTo(9324);
    }

    @Test
    void everyQueueAServiceUsesExistsWithADeadLetterQueueForSqsAndElasticMq() {
        assertThat(services.stream().filter(s -> s.name().equals("learning-service")).findFirst().orElseThrow().queues())
                .containsKeys("progress-events", "learning-events", "exam-events", "billing-events", "rag-events");
        assertThat(QueueChecks.check(services, queueDefinitions(root))).isEmpty();
    }

    /** The same queue definitions the deployments use: ElasticMQ (local, compose) and deploy/k8s/aws (SQS). */
    static Map<String, Map<String, QueueDefinitions.Queue>> queueDefinitions(Path root) {
        Map<String, Map<String, QueueDefinitions.Queue>> definitions = new LinkedHashMap<>();
        definitions.put("deploy/local/elasticmq/elasticmq.conf", QueueDefinitions.elasticMq(root.resolve("deploy/local/elasticmq/elasticmq.conf")));
        definitions.put("deploy/k8s/aws/queues.yaml", QueueDefinitions.ack(Kustomize.parse(ServiceModule.readString(root.resolve("deploy/k8s/aws/queues.yaml")))));
        return definitions;
    }

    private static List<Map<String, Object>> render(String kustomization) {
        Assumptions.assumeTrue(Kustomize.kubectl().isPresent(), "kubectl is not on the PATH (deploy/local/install.sh installs Debian's kubernetes-client)");
        return Kustomize.render(Kustomize.kubectl().orElseThrow(), root.resolve(kustomization));
    }
}

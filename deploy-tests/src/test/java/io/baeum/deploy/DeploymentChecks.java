package io.baeum.deploy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What must hold between a deployment (rendered Kubernetes objects, a compose file) and the services it runs. Every
 * check adds a sentence to {@link #violations()}; none throws, so one run reports every disagreement.
 */
final class DeploymentChecks {

    /** Properties that point at this machine by default and need not be overridden in a deployment, with why. */
    static final Map<String, String> LOCAL_BY_DESIGN = Map.of(
            "baeum.billing.portone.sandbox-webhook-url", "read only by the sandbox adapter, which calls the service itself");

    /**
     * Properties a service requires in a deployment although its records let it start without them (checked by code,
     * not by a validation annotation), with where the rule lives.
     */
    static final Map<String, List<CodeRule>> REQUIRED_BY_CODE = Map.of(
            "learning-service", List.of(
                    new CodeRule("baeum.learning.progress.keys[*].id", Optional.empty()), // LearningProperties.progressKeys()
                    new CodeRule("baeum.learning.progress.keys[*].secret", Optional.empty()),
                    // PlaybackKeysConfig: without a key, only a single local instance may generate one
                    new CodeRule("baeum.learning.playback.signing-jwk", Optional.of("baeum.learning.playback.allow-generated-key"))));

    /** A property the code requires unless {@code waivedBy} is true. */
    record CodeRule(String property, Optional<String> waivedBy) {
    }

    /** Properties every deployment sets for the infrastructure a service uses (the local defaults are 127.0.0.1 and local-only). */
    static final Map<ServiceModule.Infrastructure, List<String>> REQUIRED_FOR_INFRASTRUCTURE = Map.of(
            ServiceModule.Infrastructure.DATABASE, List.of("baeum.database.host", "baeum.database.username", "baeum.database.password"),
            ServiceModule.Infrastructure.REDIS, List.of("spring.data.redis.host"),
            ServiceModule.Infrastructure.SQS, List.of());

    /** Variable names that hold secrets: in production their values come from Secrets. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|SECRETKEY|APIKEY|TOKEN|SIGNINGJWK|INDEXKEY|AUDITKEY|DATAKEYS_[A-Z0-9]+)$");
    private static final Pattern LOCAL_ADDRESS = Pattern.compile("//(127\\.0\\.0\\.1|localhost)[:/]|^(127\\.0\\.0\\.1|localhost)$");

    private final List<String> violations = new ArrayList<>();

    List<String> violations() {
        return violations;
    }

    /**
     * The Kubernetes objects of one kustomization against the services.
     *
     * @param production whether it is a production rendering (secrets from Secrets only, at least two replicas)
     */
    DeploymentChecks kubernetes(String where, List<Map<String, Object>> objects, List<ServiceModule> services, boolean production) {
        for (Map<String, Object> deployment : K8s.ofKind(objects, "Deployment")) {
            if (services.stream().noneMatch(s -> s.name().equals(K8s.name(deployment)))) {
                violations.add(where + ": Deployment " + K8s.name(deployment) + " runs no service module of the reactor");
            }
        }
        for (ServiceModule service : services) {
            String at = where + " " + service.name();
            Optional<Map<String, Object>> deployment = K8s.find(objects, "Deployment", service.name());
            if (deployment.isEmpty()) {
                violations.add(at + ": no Deployment");
                continue;
            }
            if (K8s.at(deployment.get(), "spec").containsKey("replicas")
                    && K8s.find(objects, "HorizontalPodAutoscaler", service.name()).isPresent()) {
                violations.add(at + ": Deployment sets replicas, which every apply would reset under its HorizontalPodAutoscaler");
            }
            Map<String, Object> container = K8s.mainContainer(deployment.get());
            Map<String, Object> podLabels = K8s.at(deployment.get(), "spec", "template", "metadata", "labels");
            ports(at, service, container);
            probes(at, service, container);
            hardening(at, service, deployment.get(), container);
            companions(at, service, objects, podLabels, production);
            Workload workload = Workload.of(at, deployment.get(), objects);
            violations.addAll(workload.problems());
            environment(workload, service);
            if (production) {
                workload.environment().forEach((name, variable) -> {
                    if (SECRET_NAME.matcher(name).matches() && !variable.fromSecret()) {
                        violations.add(at + ": " + name + " holds a secret but does not come from a Secret");
                    }
                });
            }
        }
        return this;
    }

    /** A compose file's services against the modules (same variable rules as Kubernetes). */
    @SuppressWarnings("unchecked")
    DeploymentChecks compose(String where, Map<String, Object> compose, List<ServiceModule> services) {
        Map<String, Object> composeServices = (Map<String, Object>) compose.getOrDefault("services", Map.of());
        for (ServiceModule service : services) {
            String at = where + " " + service.name();
            Object entry = composeServices.get(service.name());
            if (!(entry instanceof Map<?, ?>)) {
                violations.add(at + ": no compose service");
                continue;
            }
            Map<String, Object> composeService = (Map<String, Object>) entry;
            Object buildArgument = K8s.at(composeService, "build", "args").get("SERVICE");
            if (!service.name().equals(buildArgument)) {
                violations.add(at + ": built with SERVICE=" + buildArgument + ", not its own jar");
            }
            environment(Workload.ofCompose(at, service.name(), composeService), service);
        }
        return this;
    }

    /** Every variable binds to a property; every required property is set; nothing is left pointing at 127.0.0.1. */
    void environment(Workload workload, ServiceModule serviceWithoutProfile) {
        List<String> profiles = Optional.ofNullable(workload.environment().get("SPRING_PROFILES_ACTIVE"))
                .flatMap(Workload.Variable::value).map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
        ServiceModule service = serviceWithoutProfile.withProfiles(profiles);
        EnvironmentBinding binding = new EnvironmentBinding(service);
        String at = workload.where();
        workload.environment().forEach((name, variable) -> {
            if (!binding.isJvmVariable(name) && binding.propertyOf(name).isEmpty()) {
                violations.add(at + ": " + name + " binds to no property of " + service.name()
                        + " (its @ConfigurationProperties, application.yml or the Spring keys of its infrastructure)");
            }
        });

        List<String> required = new ArrayList<>();
        for (PropertyRecords.Property property : service.properties()) {
            if (property.required() && property.defaultValue().isEmpty() && !configured(service, property.name())) {
                required.add(property.name());
            }
        }
        for (CodeRule rule : REQUIRED_BY_CODE.getOrDefault(service.name(), List.of())) {
            boolean waived = rule.waivedBy().flatMap(service::resolved).map(Boolean::parseBoolean).orElse(false);
            if (!waived && !configured(service, rule.property())) {
                required.add(rule.property());
            }
        }
        service.infrastructure().forEach(i -> required.addAll(REQUIRED_FOR_INFRASTRUCTURE.get(i)));
        for (String property : required) {
            if (workload.environment().keySet().stream().noneMatch(name -> binding.sets(name, property))) {
                violations.add(at + ": nothing sets " + property + ", which " + service.name() + " requires and has no default for");
            }
        }

        for (String property : localDefaults(service)) {
            if (!LOCAL_BY_DESIGN.containsKey(property)
                    && workload.environment().keySet().stream().noneMatch(name -> binding.sets(name, listRoot(property)))) {
                violations.add(at + ": " + property + " keeps its local default (" + localValue(service, property)
                        + "); set it for this deployment");
            }
        }

        workload.environment().forEach((name, variable) -> binding.propertyOf(name)
                .filter(property -> property.endsWith("queue"))
                .flatMap(property -> variable.value())
                .ifPresent(queue -> {
                    if (!service.queues().containsKey(queue)) {
                        violations.add(at + ": " + name + "=" + queue + " names a queue the service does not declare");
                    }
                }));
    }

    private void ports(String at, ServiceModule service, Map<String, Object> container) {
        Optional<Map<String, Object>> http = K8s.list(container, "ports").stream().filter(p -> "http".equals(p.get("name"))).findFirst();
        if (http.isEmpty()) {
            violations.add(at + ": no container port named http");
        } else if (!String.valueOf(service.serverPort()).equals(String.valueOf(http.get().get("containerPort")))) {
            violations.add(at + ": container port http is " + http.get().get("containerPort") + " but server.port is " + service.serverPort());
        }
    }

    private void probes(String at, ServiceModule service, Map<String, Object> container) {
        if (!service.probesEnabled()) {
            violations.add(at + ": management.endpoint.health.probes.enabled is not true: no liveness/readiness groups");
        }
        Map<String, String> expected = Map.of("livenessProbe", service.healthGroupPath("liveness"),
                "readinessProbe", service.healthGroupPath("readiness"), "startupProbe", service.healthGroupPath("liveness"));
        expected.forEach((probe, path) -> {
            Map<String, Object> httpGet = K8s.at(container, probe, "httpGet");
            if (httpGet.isEmpty()) {
                if (!probe.equals("startupProbe")) {
                    violations.add(at + ": no " + probe + " on " + path);
                }
                return;
            }
            if (!path.equals(httpGet.get("path"))) {
                violations.add(at + ": " + probe + " asks " + httpGet.get("path") + ", the service answers " + path);
            }
            Object port = httpGet.get("port");
            boolean portMatches = String.valueOf(service.managementPort()).equals(String.valueOf(port))
                    || K8s.list(container, "ports").stream().anyMatch(p -> String.valueOf(port).equals(p.get("name"))
                    && String.valueOf(service.managementPort()).equals(String.valueOf(p.get("containerPort"))));
            if (!portMatches) {
                violations.add(at + ": " + probe + " port " + port + " is not the management port " + service.managementPort());
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void hardening(String at, ServiceModule service, Map<String, Object> deployment, Map<String, Object> container) {
        Map<String, Object> pod = K8s.podSpec(deployment);
        Map<String, Object> podSecurity = K8s.at(pod, "securityContext");
        Map<String, Object> security = K8s.at(container, "securityContext");
        if (!Boolean.TRUE.equals(podSecurity.get("runAsNonRoot"))) {
            violations.add(at + ": pod does not set runAsNonRoot");
        }
        if (!"RuntimeDefault".equals(K8s.at(podSecurity, "seccompProfile").get("type"))) {
            violations.add(at + ": pod seccompProfile is not RuntimeDefault");
        }
        if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
            violations.add(at + ": root filesystem is not read-only");
        }
        if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
            violations.add(at + ": allowPrivilegeEscalation is not false");
        }
        Object drop = K8s.at(security, "capabilities").get("drop");
        if (!(drop instanceof List<?> list && list.contains("ALL"))) {
            violations.add(at + ": capabilities do not drop ALL");
        }
        Optional<String> tmpVolume = K8s.list(container, "volumeMounts").stream()
                .filter(m -> "/tmp".equals(m.get("mountPath"))).map(m -> String.valueOf(m.get("name"))).findFirst();
        boolean tmpIsEmptyDir = tmpVolume.isPresent() && K8s.list(pod, "volumes").stream()
                .anyMatch(v -> tmpVolume.get().equals(v.get("name")) && v.containsKey("emptyDir"));
        if (!tmpIsEmptyDir) {
            violations.add(at + ": /tmp is not an emptyDir (the root filesystem is read-only)");
        }
        Map<String, Object> resources = K8s.at(container, "resources");
        if (!K8s.at(resources, "requests").containsKey("cpu") || !K8s.at(resources, "requests").containsKey("memory")
                || !K8s.at(resources, "limits").containsKey("memory")) {
            violations.add(at + ": needs cpu and memory requests and a memory limit (the HPA scales on the CPU request)");
        }
        // graceful shutdown: Spring's, within the grace period with the preStop pause
        if (!"graceful".equals(service.resolved("server.shutdown").orElse(""))) {
            violations.add(at + ": server.shutdown is not graceful");
        }
        long phase = service.resolved("spring.lifecycle.timeout-per-shutdown-phase").map(DeploymentChecks::seconds).orElse(30L);
        List<Object> preStop = (List<Object>) K8s.at(container, "lifecycle", "preStop", "exec").getOrDefault("command", List.of());
        long pause = preStop.size() == 2 && "sleep".equals(preStop.getFirst()) ? Long.parseLong(String.valueOf(preStop.get(1))) : 0;
        if (pause == 0) {
            violations.add(at + ": no preStop pause (requests still routed to a stopping pod)");
        }
        Object grace = pod.get("terminationGracePeriodSeconds");
        long graceSeconds = grace == null ? 30 : Long.parseLong(String.valueOf(grace));
        if (graceSeconds < pause + phase) {
            violations.add(at + ": terminationGracePeriodSeconds " + graceSeconds + " < preStop " + pause
                    + " s + spring.lifecycle.timeout-per-shutdown-phase " + phase + " s");
        }
    }

    @SuppressWarnings("unchecked")
    private void companions(String at, ServiceModule service, List<Map<String, Object>> objects, Map<String, Object> podLabels,
                            boolean production) {
        Optional<Map<String, Object>> svc = K8s.find(objects, "Service", service.name());
        if (svc.isEmpty()) {
            violations.add(at + ": no Service");
        } else {
            if (!K8s.selects(K8s.at(svc.get(), "spec", "selector"), podLabels)) {
                violations.add(at + ": Service selector does not select the pods");
            }
            if (K8s.list(K8s.at(svc.get(), "spec"), "ports").stream().noneMatch(p -> "http".equals(String.valueOf(p.get("targetPort")))
                    || String.valueOf(service.serverPort()).equals(String.valueOf(p.get("targetPort"))))) {
                violations.add(at + ": Service targets neither port http nor " + service.serverPort());
            }
        }
        Optional<Map<String, Object>> hpa = K8s.find(objects, "HorizontalPodAutoscaler", service.name());
        if (hpa.isEmpty()) {
            violations.add(at + ": no HorizontalPodAutoscaler");
        } else {
            Map<String, Object> target = K8s.at(hpa.get(), "spec", "scaleTargetRef");
            if (!"Deployment".equals(target.get("kind")) || !service.name().equals(target.get("name"))) {
                violations.add(at + ": HorizontalPodAutoscaler scales " + target.get("kind") + " " + target.get("name"));
            }
            boolean scalesOnCpu = K8s.list(K8s.at(hpa.get(), "spec"), "metrics").stream()
                    .anyMatch(m -> "cpu".equals(K8s.at(m, "resource").get("name")));
            if (!scalesOnCpu) {
                violations.add(at + ": HorizontalPodAutoscaler does not scale on CPU");
            }
            Object min = K8s.at(hpa.get(), "spec").get("minReplicas");
            if (production && (min == null || ((Number) min).intValue() < 2)) {
                violations.add(at + ": fewer than 2 replicas at the HPA's floor: one node drain stops the service");
            }
        }
        Optional<Map<String, Object>> pdb = K8s.find(objects, "PodDisruptionBudget", service.name());
        if (pdb.isEmpty()) {
            violations.add(at + ": no PodDisruptionBudget");
        } else if (!K8s.selects((Map<String, Object>) K8s.at(pdb.get(), "spec", "selector").getOrDefault("matchLabels", Map.of()), podLabels)) {
            violations.add(at + ": PodDisruptionBudget selector does not select the pods");
        }
    }

    /** Whether the service's own configuration gives the property a non-blank value. */
    private static boolean configured(ServiceModule service, String property) {
        Pattern pattern = Pattern.compile(Pattern.quote(property).replace("*", "\\E[^.\\[]+\\Q").replace("[\\E[^.\\[]+\\Q]", "[\\E\\d+\\Q]") + ".*");
        return service.configuration().keySet().stream()
                .anyMatch(key -> pattern.matcher(key).matches() && !service.resolved(key).orElse("").isBlank());
    }

    /** Properties whose value without a profile names this machine: configuration values and record defaults. */
    private static List<String> localDefaults(ServiceModule service) {
        List<String> local = new ArrayList<>();
        service.configuration().keySet().forEach(key -> {
            if (LOCAL_ADDRESS.matcher(service.resolved(key).orElse("")).find()) {
                local.add(key);
            }
        });
        for (PropertyRecords.Property property : service.properties()) {
            if (property.defaultValue().filter(v -> LOCAL_ADDRESS.matcher(v).find()).isPresent()
                    && !service.configuration().containsKey(property.name())) {
                local.add(property.name());
            }
        }
        return local;
    }

    private static String localValue(ServiceModule service, String property) {
        return service.resolved(property).or(() -> service.properties().stream().filter(p -> p.name().equals(property))
                .findFirst().flatMap(PropertyRecords.Property::defaultValue)).orElse("?");
    }

    /** {@code a.b[0]} → {@code a.b} (a list is replaced as a whole). */
    private static String listRoot(String property) {
        int bracket = property.indexOf('[');
        return bracket < 0 ? property : property.substring(0, bracket);
    }

    private static long seconds(String duration) {
        String value = duration.strip();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2))).toSeconds();
        }
        long amount = Long.parseLong(value.replaceAll("[a-z]+$", ""));
        return switch (value.replaceAll("^\\d+", "")) {
            case "m" -> amount * 60;
            case "h" -> amount * 3600;
            default -> amount;
        };
    }

    /** Names for {@link Set} membership in messages. */
    static String list(Set<String> names) {
        return String.join(", ", names);
    }
}

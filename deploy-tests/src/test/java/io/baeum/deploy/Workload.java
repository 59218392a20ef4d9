package io.baeum.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service as a deployment runs it: the environment variables its container gets, each with where its value comes
 * from. Built from a Kubernetes Deployment (with the ConfigMaps and Secrets rendered next to it) or a compose service.
 *
 * @param service     the service module it runs
 * @param where       for messages, e.g. {@code overlays/production Deployment heartbeat-service}
 * @param environment variable → its source
 * @param problems    references that do not resolve (a ConfigMap or key that is not there)
 */
record Workload(String service, String where, Map<String, Variable> environment, List<String> problems) {

    /**
     * @param value      the literal value, when the manifest holds it (a value, a ConfigMap's data)
     * @param fromSecret whether a Secret supplies it
     * @param optional   whether the container starts without it
     */
    record Variable(Optional<String> value, boolean fromSecret, boolean optional) {

        static Variable literal(String value) {
            return new Variable(Optional.ofNullable(value), false, false);
        }
    }

    /** The container environment of a Deployment's main container (named after the service). */
    @SuppressWarnings("unchecked")
    static Workload of(String where, Map<String, Object> deployment, List<Map<String, Object>> objects) {
        String service = K8s.name(deployment);
        Map<String, Object> container = K8s.mainContainer(deployment);
        Map<String, Variable> environment = new LinkedHashMap<>();
        List<String> problems = new java.util.ArrayList<>();
        for (Object item : (List<Object>) container.getOrDefault("envFrom", List.of())) {
            Map<String, Object> from = (Map<String, Object>) item;
            if (from.containsKey("configMapRef")) {
                String name = String.valueOf(((Map<String, Object>) from.get("configMapRef")).get("name"));
                Optional<Map<String, Object>> configMap = K8s.find(objects, "ConfigMap", name);
                if (configMap.isEmpty()) {
                    problems.add(where + ": envFrom names ConfigMap " + name + ", which is not rendered");
                } else {
                    ((Map<String, Object>) configMap.get().getOrDefault("data", Map.of()))
                            .forEach((key, value) -> environment.put(key, Variable.literal(String.valueOf(value))));
                }
            } else {
                problems.add(where + ": envFrom " + from.keySet() + " hides which variables it sets; name them in env");
            }
        }
        for (Object item : (List<Object>) container.getOrDefault("env", List.of())) {
            Map<String, Object> env = (Map<String, Object>) item;
            String name = String.valueOf(env.get("name"));
            if (env.containsKey("value")) {
                environment.put(name, Variable.literal(String.valueOf(env.get("value"))));
                continue;
            }
            Map<String, Object> valueFrom = (Map<String, Object>) env.getOrDefault("valueFrom", Map.of());
            if (valueFrom.containsKey("configMapKeyRef")) {
                Map<String, Object> ref = (Map<String, Object>) valueFrom.get("configMapKeyRef");
                boolean optional = Boolean.TRUE.equals(ref.get("optional"));
                Optional<Object> value = K8s.find(objects, "ConfigMap", String.valueOf(ref.get("name")))
                        .map(cm -> ((Map<String, Object>) cm.getOrDefault("data", Map.of())).get(String.valueOf(ref.get("key"))));
                if (value.isEmpty() && !optional) {
                    problems.add(where + ": " + name + " reads key " + ref.get("key") + " of ConfigMap " + ref.get("name") + ", which is not rendered");
                }
                environment.put(name, new Variable(value.map(String::valueOf), false, optional));
            } else if (valueFrom.containsKey("secretKeyRef")) {
                Map<String, Object> ref = (Map<String, Object>) valueFrom.get("secretKeyRef");
                boolean optional = Boolean.TRUE.equals(ref.get("optional"));
                // Secrets are created outside the repository; when one is rendered (a local overlay), its key must be there
                K8s.find(objects, "Secret", String.valueOf(ref.get("name"))).ifPresent(secret -> {
                    Map<String, Object> data = (Map<String, Object>) secret.getOrDefault("data", Map.of());
                    if (!data.containsKey(String.valueOf(ref.get("key"))) && !optional) {
                        problems.add(where + ": " + name + " reads key " + ref.get("key") + " of Secret " + ref.get("name") + ", which has no such key");
                    }
                });
                environment.put(name, new Variable(Optional.empty(), true, optional));
            } else {
                // fieldRef, resourceFieldRef: set by Kubernetes
                environment.put(name, new Variable(Optional.empty(), false, false));
            }
        }
        return new Workload(service, where, environment, problems);
    }

    /** A compose service's {@code environment} (merge keys resolved by the YAML parser). */
    @SuppressWarnings("unchecked")
    static Workload ofCompose(String where, String service, Map<String, Object> composeService) {
        Map<String, Variable> environment = new LinkedHashMap<>();
        Object env = composeService.getOrDefault("environment", Map.of());
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> environment.put(String.valueOf(k), Variable.literal(v == null ? null : String.valueOf(v))));
        } else {
            for (Object item : (List<Object>) env) {
                String text = String.valueOf(item);
                int eq = text.indexOf('=');
                environment.put(eq < 0 ? text : text.substring(0, eq), Variable.literal(eq < 0 ? null : text.substring(eq + 1)));
            }
        }
        return new Workload(service, where, environment, List.of());
    }
}

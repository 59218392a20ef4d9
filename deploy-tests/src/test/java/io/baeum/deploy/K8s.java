package io.baeum.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading rendered Kubernetes objects (SnakeYAML maps). */
final class K8s {

    private K8s() {
    }

    @SuppressWarnings("unchecked")
    static String name(Map<String, Object> object) {
        return String.valueOf(((Map<String, Object>) object.get("metadata")).get("name"));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    static Optional<Map<String, Object>> find(List<Map<String, Object>> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    /** Walks nested maps: {@code at(deployment, "spec", "template", "spec")}; empty map when a step is missing. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> object, String... path) {
        Map<String, Object> current = object;
        for (String step : path) {
            Object next = current == null ? null : current.get(step);
            current = next instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> object, String key) {
        Object value = object.get(key);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return at(deployment, "spec", "template", "spec");
    }

    /** The container named after the Deployment, else the first. */
    static Map<String, Object> mainContainer(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = list(podSpec(deployment), "containers");
        return containers.stream().filter(c -> name(deployment).equals(c.get("name"))).findFirst()
                .orElse(containers.isEmpty() ? Map.of() : containers.getFirst());
    }

    /** Whether every label of {@code selector} is on {@code labels}. */
    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey()))));
    }
}

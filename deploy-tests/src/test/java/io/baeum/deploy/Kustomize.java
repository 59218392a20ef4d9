package io.baeum.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.yaml.snakeyaml.Yaml;

/**
 * Kustomize trees as the objects they render to: with {@code kubectl kustomize} when kubectl is on the PATH (Debian's
 * kubernetes-client, deploy/local/install.sh), else — for a base only — by reading its resource files and
 * ConfigMap generator literals directly.
 */
final class Kustomize {

    private Kustomize() {
    }

    /** The kubectl on the PATH, if any. */
    static Optional<Path> kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code kubectl kustomize <dir>}; fails with kubectl's error output when it does. */
    static List<Map<String, Object>> render(Path kubectl, Path dir) {
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            Path errors = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n"
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return parse(Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A base without kubectl: its {@code resources} files and one ConfigMap per {@code configMapGenerator} entry (its
     * literals, no hash suffix). Enough to check a base; overlays need kubectl.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readBase(Path dir) {
        Map<String, Object> kustomization = new Yaml().load(ServiceModule.readString(dir.resolve("kustomization.yaml")));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object resource : (List<Object>) kustomization.getOrDefault("resources", List.of())) {
            objects.addAll(parse(ServiceModule.readString(dir.resolve(resource.toString()))));
        }
        for (Object generator : (List<Object>) kustomization.getOrDefault("configMapGenerator", List.of())) {
            Map<String, Object> entry = (Map<String, Object>) generator;
            Map<String, Object> data = new LinkedHashMap<>();
            for (Object literal : (List<Object>) entry.getOrDefault("literals", List.of())) {
                String text = literal.toString();
                int eq = text.indexOf('=');
                data.put(text.substring(0, eq), text.substring(eq + 1));
            }
            objects.add(new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                    "metadata", Map.of("name", entry.get("name")), "data", data)));
        }
        return objects;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document instanceof Map<?, ?> map) {
                objects.add((Map<String, Object>) map);
            }
        }
        return objects;
    }
}

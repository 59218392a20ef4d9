package io.baeum.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

/**
 * What a deployment needs to know about one service module, read from its files: its configuration without a
 * profile (its {@code application.yml} over common-lib's defaults, as {@code ServiceDefaultsEnvironmentPostProcessor}
 * layers them), its and common-lib's {@code @ConfigurationProperties}, the infrastructure its pom pulls in, and the
 * queues it names.
 */
final class ServiceModule {

    enum Infrastructure { DATABASE, REDIS, SQS }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern QUEUE_LITERAL = Pattern.compile("\"((?:[a-z]+-)+events(?:-dlq)?)\"");

    private final Path root;
    private final String name;
    private final Map<String, String> configuration;
    private final List<PropertyRecords.Property> properties;
    private final Set<Infrastructure> infrastructure;
    private final Set<String> queueLiterals;

    private ServiceModule(Path root, String name, Map<String, String> configuration, List<PropertyRecords.Property> properties,
                          Set<Infrastructure> infrastructure, Set<String> queueLiterals) {
        this.root = root;
        this.name = name;
        this.configuration = configuration;
        this.properties = properties;
        this.infrastructure = infrastructure;
        this.queueLiterals = queueLiterals;
    }

    static ServiceModule read(Path root, String module) {
        Path commonResources = root.resolve("common-lib/src/main/resources");
        Map<String, String> own = flatten(root.resolve(module).resolve("src/main/resources/application.yml"));
        Map<String, String> configuration = new LinkedHashMap<>(flatten(commonResources.resolve("baeum-service-defaults.yml")));
        if (own.containsKey("baeum.database.name")) {
            configuration.putAll(flatten(commonResources.resolve("baeum-database-defaults.yml")));
        }
        overlay(configuration, own);

        List<PropertyRecords.Property> properties = new ArrayList<>(PropertyRecords.read(root.resolve(module).resolve("src/main/java")));
        for (PropertyRecords.Property common : PropertyRecords.read(root.resolve("common-lib/src/main/java"))) {
            // token verification is an auto-configuration that switches on with baeum.security.token.jwks-uri: only a
            // service that configures it (its application.yml) may be given token settings
            if (!common.name().startsWith("baeum.security.token.")
                    || configuration.keySet().stream().anyMatch(k -> k.startsWith("baeum.security.token."))) {
                properties.add(common);
            }
        }

        String pom = readString(root.resolve(module).resolve("pom.xml"));
        Set<Infrastructure> infrastructure = new TreeSet<>();
        if (pom.contains("<artifactId>spring-boot-starter-r2dbc</artifactId>")) {
            infrastructure.add(Infrastructure.DATABASE);
        }
        if (pom.contains("<artifactId>spring-boot-starter-data-redis-reactive</artifactId>")) {
            infrastructure.add(Infrastructure.REDIS);
        }
        if (pom.contains("<artifactId>spring-cloud-aws-starter-sqs</artifactId>")) {
            infrastructure.add(Infrastructure.SQS);
        }
        return new ServiceModule(root, module, configuration, properties, infrastructure, queueLiterals(root.resolve(module).resolve("src/main/java")));
    }

    String name() {
        return name;
    }

    /** The same service with {@code application-<profile>.yml} of each active profile over its configuration. */
    ServiceModule withProfiles(List<String> profiles) {
        Map<String, String> withProfiles = new LinkedHashMap<>(configuration);
        for (String profile : profiles) {
            overlay(withProfiles, flatten(root.resolve(name).resolve("src/main/resources/application-" + profile + ".yml")));
        }
        return new ServiceModule(root, name, withProfiles, properties, infrastructure, queueLiterals);
    }

    /** Puts {@code over} on {@code under}; a list in {@code over} replaces the list of the same name as a whole. */
    private static void overlay(Map<String, String> under, Map<String, String> over) {
        over.keySet().stream().map(ServiceModule::listRoot).filter(k -> !k.isEmpty()).distinct().toList()
                .forEach(list -> under.keySet().removeIf(k -> listRoot(k).equals(list)));
        under.putAll(over);
    }

    /** Flattened configuration without a profile: {@code a.b[0].c} → value (placeholders left as written). */
    Map<String, String> configuration() {
        return configuration;
    }

    List<PropertyRecords.Property> properties() {
        return properties;
    }

    Set<Infrastructure> infrastructure() {
        return infrastructure;
    }

    int serverPort() {
        return Integer.parseInt(resolved("server.port").orElse("8080"));
    }

    /** The management port when it is separate, else the server's. */
    int managementPort() {
        return resolved("management.server.port").map(Integer::parseInt).orElse(serverPort());
    }

    String healthGroupPath(String group) {
        String base = resolved("management.endpoints.web.base-path").orElse("/actuator");
        return base + "/health/" + group;
    }

    boolean probesEnabled() {
        return resolved("management.endpoint.health.probes.enabled").map(Boolean::parseBoolean).orElse(false);
    }

    /** A value with its placeholders' defaults applied (what the service sees when the environment sets nothing). */
    Optional<String> resolved(String key) {
        String value = configuration.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Matcher placeholder = PLACEHOLDER.matcher(value);
        return Optional.of(placeholder.replaceAll(m -> Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2))));
    }

    /** Environment variables the configuration names in placeholders, with the property each one sets. */
    Map<String, String> placeholderVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        configuration.forEach((key, value) -> {
            Matcher placeholder = PLACEHOLDER.matcher(value);
            while (placeholder.find()) {
                variables.put(placeholder.group(1), key);
            }
        });
        return variables;
    }

    /**
     * Queue names the service uses: the value (or default) of every property whose name ends in {@code queue},
     * and queue-like string literals in its code (a destination written as a constant).
     */
    Map<String, String> queues() {
        Map<String, String> queues = new LinkedHashMap<>();
        for (PropertyRecords.Property property : properties) {
            if (property.name().endsWith("queue")) {
                String value = resolved(property.name()).or(property::defaultValue).orElse("");
                if (!value.isBlank()) {
                    queues.put(value, property.name());
                }
            }
        }
        configuration.forEach((key, value) -> {
            if (key.endsWith("queue") && !value.isBlank()) {
                queues.putIfAbsent(resolved(key).orElseThrow(), key);
            }
        });
        queueLiterals.forEach(queue -> queues.putIfAbsent(queue, "a string literal in " + name + "'s code"));
        return queues;
    }

    private static Set<String> queueLiterals(Path sources) {
        Set<String> queues = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = QUEUE_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    queues.add(literal.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queues;
    }

    private static String listRoot(String key) {
        int bracket = key.indexOf('[');
        return bracket < 0 ? "" : key.substring(0, bracket);
    }

    /** The first YAML document's keys, flattened (later documents are profile-specific). */
    static Map<String, String> flatten(Path yaml) {
        if (!Files.exists(yaml)) {
            return Map.of();
        }
        Map<String, String> flat = new LinkedHashMap<>();
        Object document = new Yaml().loadAll(readString(yaml)).iterator().next();
        flatten("", document, flat);
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else {
            out.put(prefix, node == null ? "" : String.valueOf(node));
        }
    }

    static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

package io.baeum.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which property of a service an environment variable sets, by Spring Boot's relaxed binding: the property name in
 * upper case, {@code .} as {@code _}, dashes dropped ({@code baeum.learning.accounts.base-url} →
 * {@code BAEUM_LEARNING_ACCOUNTS_BASEURL}; the legacy form with dashes as underscores, {@code ..._BASE_URL}, binds
 * too), list indexes as {@code _0_}, map keys as a segment. Besides the records' properties, a variable may set a
 * key of the service's configuration files, name a placeholder there ({@code ${BAEUM_AUTH_JWKS_URI:...}}), or set
 * one of the Spring Boot and Spring Cloud AWS keys of the infrastructure the service uses.
 */
final class EnvironmentBinding {

    /** Spring's own keys a deployment sets, by the infrastructure that reads them (spring-boot-data-redis, spring-cloud-aws). */
    static final Map<ServiceModule.Infrastructure, List<String>> INFRASTRUCTURE_KEYS = Map.of(
            ServiceModule.Infrastructure.REDIS, List.of("spring.data.redis.host", "spring.data.redis.port",
                    "spring.data.redis.username", "spring.data.redis.password", "spring.data.redis.ssl.enabled",
                    "spring.data.redis.url"),
            ServiceModule.Infrastructure.SQS, List.of("spring.cloud.aws.region.static", "spring.cloud.aws.sqs.endpoint",
                    "spring.cloud.aws.credentials.access-key", "spring.cloud.aws.credentials.secret-key"),
            ServiceModule.Infrastructure.DATABASE, List.of());

    /** Keys every Spring Boot application reads. */
    static final List<String> APPLICATION_KEYS = List.of("spring.profiles.active");

    /** Variables the JVM launcher reads, not Spring. */
    static final Set<String> JVM_VARIABLES = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");

    private final Map<Pattern, String> patterns = new LinkedHashMap<>();
    private final Map<String, String> placeholders;

    EnvironmentBinding(ServiceModule service) {
        List<String> names = new ArrayList<>();
        service.properties().forEach(p -> names.add(p.name()));
        names.addAll(service.configuration().keySet());
        service.infrastructure().forEach(i -> names.addAll(INFRASTRUCTURE_KEYS.get(i)));
        names.addAll(APPLICATION_KEYS);
        names.forEach(name -> patterns.put(pattern(name), name));
        this.placeholders = service.placeholderVariables();
    }

    /** The property the variable sets, if any. */
    Optional<String> propertyOf(String variable) {
        if (placeholders.containsKey(variable)) {
            return Optional.of(placeholders.get(variable));
        }
        for (Map.Entry<Pattern, String> entry : patterns.entrySet()) {
            if (entry.getKey().matcher(variable).matches()) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }

    boolean isJvmVariable(String variable) {
        return JVM_VARIABLES.contains(variable);
    }

    /** Whether the variable sets {@code property} (a property pattern) or something inside it (a map entry, a list element). */
    boolean sets(String variable, String property) {
        if (placeholders.containsKey(variable) && placeholders.get(variable).equals(property)) {
            return true;
        }
        return pattern(property).matcher(variable).matches() || prefixPattern(property).matcher(variable).matches();
    }

    /** The upper-case form of one property name (with {@code *} and {@code [*]} and {@code [0]} segments). */
    static Pattern pattern(String property) {
        return PATTERNS.computeIfAbsent(property, p -> Pattern.compile(regex(p)));
    }

    private static Pattern prefixPattern(String property) {
        return PATTERNS.computeIfAbsent(property + "._", p -> Pattern.compile(regex(property) + "_[A-Z0-9_]+"));
    }

    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String regex(String property) {
        StringBuilder regex = new StringBuilder();
        String normalized = property.replaceAll("\\[(\\d+|\\*)]", ".[$1]");
        for (String segment : normalized.split("\\.")) {
            if (!regex.isEmpty()) {
                regex.append('_');
            }
            if (segment.equals("*")) {
                regex.append("[A-Z0-9]+");
            } else if (segment.equals("[*]")) {
                regex.append("\\d+");
            } else if (segment.matches("\\[\\d+]")) {
                regex.append(segment, 1, segment.length() - 1);
            } else {
                String upper = segment.toUpperCase(java.util.Locale.ROOT);
                String canonical = Pattern.quote(upper.replace("-", ""));
                String legacy = Pattern.quote(upper.replace("-", "_"));
                regex.append(canonical.equals(legacy) ? canonical : "(?:" + canonical + "|" + legacy + ")");
            }
        }
        return regex.toString();
    }
}

package io.baeum.suite.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the suite under test is: the gateway (what a browser uses), the services' own ports (what an
 * operator compares with), the checkout that started it (its logs and launcher), its databases.
 * Everything comes from system properties with the local launcher's defaults:
 *
 * <ul>
 *   <li>{@code baeum.suite.url}: the gateway, default {@code http://127.0.0.1:8080};</li>
 *   <li>{@code baeum.suite.<service>.url}: a service directly, e.g. {@code baeum.suite.learning-service.url};</li>
 *   <li>{@code baeum.suite.via}: {@code gateway} (default) or {@code direct}: the browser's requests go to
 *       the service owning the path instead of the gateway (for running scenarios without a gateway);</li>
 *   <li>{@code baeum.suite.root}: the checkout whose {@code deploy/local/up.sh} started the suite;</li>
 *   <li>{@code baeum.suite.db.url-prefix}, {@code .user}, {@code .password}: PostgreSQL, read only to assert.</li>
 * </ul>
 */
public final class Suite {

    private Suite() {
    }

    /** The processes a scenario talks to or watches. */
    public enum Service {
        GATEWAY("gateway", 8080),
        AUTH("auth-service", 8081),
        LEARNING("learning-service", 8082),
        HEARTBEAT("heartbeat-service", 8083),
        EXAM("exam-service", 8084),
        BILLING("billing-service", 8085),
        RAG("rag-service", 8086);

        private final String launcherName;
        private final int defaultPort;

        Service(String launcherName, int defaultPort) {
            this.launcherName = launcherName;
            this.defaultPort = defaultPort;
        }

        /** The name deploy/local/*.sh use for it (module, jar, log and pid file). */
        public String launcherName() {
            return launcherName;
        }

        public URI url() {
            if (this == GATEWAY) {
                return URI.create(System.getProperty("baeum.suite.url", "http://127.0.0.1:" + defaultPort));
            }
            return URI.create(System.getProperty("baeum.suite." + launcherName + ".url", "http://127.0.0.1:" + defaultPort));
        }
    }

    /** The browser's entry: the gateway, or with {@code -Dbaeum.suite.via=direct} the owning service. */
    public static Api browser() {
        if ("direct".equals(System.getProperty("baeum.suite.via", "gateway"))) {
            return new Api(Suite::owner);
        }
        return direct(Service.GATEWAY);
    }

    /** One process, by its own port. */
    public static Api direct(Service service) {
        URI url = service.url();
        return new Api(path -> url);
    }

    public static Path root() {
        return Path.of(System.getProperty("baeum.suite.root", "..")).toAbsolutePath().normalize();
    }

    public static String databaseUrl(String database) {
        return System.getProperty("baeum.suite.db.url-prefix", "jdbc:postgresql://127.0.0.1:5432/") + database;
    }

    public static String databaseUser() {
        return System.getProperty("baeum.suite.db.user", "baeum");
    }

    public static String databasePassword() {
        return System.getProperty("baeum.suite.db.password", "baeum");
    }

    /** Which service owns a path, for {@code via=direct}: the gateway's prefixes (docs/gateway.md), condensed. */
    private static final List<String> AUTH_PREFIXES = List.of("/api/v1/auth/", "/api/v1/terms", "/api/v1/identity-verifications",
            "/api/v1/me/consents", "/api/v1/me/password", "/api/v1/me/role-requests", "/api/v1/admin/members",
            "/api/v1/admin/role-requests", "/api/v1/admin/audit-events", "/api/v1/admin/signing-keys", "/api/v1/admin/terms",
            "/.well-known/");

    private static URI owner(String path) {
        if (path.startsWith("/api/v1/playback/")) {
            return Service.HEARTBEAT.url();
        }
        if (path.equals("/api/v1/me") || AUTH_PREFIXES.stream().anyMatch(path::startsWith)) {
            return Service.AUTH.url();
        }
        return Service.LEARNING.url();
    }
}

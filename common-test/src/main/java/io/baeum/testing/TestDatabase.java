package io.baeum.testing;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A throwaway PostgreSQL database on the real server, created for one test class and dropped
 * (forcibly, closing leftover connections) afterwards.
 */
public final class TestDatabase {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InfrastructureSettings settings;
    private final String name;

    private TestDatabase(InfrastructureSettings settings, String name) {
        this.settings = settings;
        this.name = name;
    }

    static TestDatabase create(InfrastructureSettings settings, String owner) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        String base = owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        String name = "baeum_test_" + base.substring(0, Math.min(base.length(), 40)) + "_" + HexFormat.of().formatHex(suffix);
        TestDatabase database = new TestDatabase(settings, name);
        database.admin("CREATE DATABASE " + name);
        return database;
    }

    /**
     * Drops the database, unless {@code -Dbaeum.test.keep-databases=true} asks to keep it for inspection
     * (e.g. to re-run a benchmark's queries with {@code EXPLAIN ANALYZE} in psql); its name is then printed.
     */
    void drop() {
        if (Boolean.getBoolean("baeum.test.keep-databases")) {
            System.out.println("kept test database " + name);
            return;
        }
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The database name. */
    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/" + name;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/" + name;
    }

    public String username() {
        return settings.pgUser();
    }

    public String password() {
        return settings.pgPassword();
    }

    /** A new JDBC connection to this database, for assertions and test data; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), settings.pgUser(), settings.pgPassword());
    }

    private void admin(String sql) {
        String url = "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, settings.pgUser(), settings.pgPassword());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + settings.pgHost() + ":" + settings.pgPort()
                    + " refused '" + sql + "' (run deploy/local/install.sh, or set BAEUM_TEST_PG_*)", e);
        }
    }
}

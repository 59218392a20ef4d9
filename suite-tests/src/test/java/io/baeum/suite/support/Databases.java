package io.baeum.suite.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Read-only looks into the services' databases, as an operator with psql would, to assert. */
public final class Databases {

    private Databases() {
    }

    /** The rows of a one-or-two column query, each as {@code col1} or {@code col1:col2} (null second column left out). */
    public static List<String> rows(String database, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(Suite.databaseUrl(database), Suite.databaseUser(),
                Suite.databasePassword());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setReadOnly(true);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String second = columns > 1 ? rs.getString(2) : null;
                    rows.add(second == null ? rs.getString(1) : rs.getString(1) + ":" + second);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + database + ": " + e.getMessage(), e);
        }
    }
}

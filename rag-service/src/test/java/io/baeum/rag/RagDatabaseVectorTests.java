package io.baeum.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.baeum.testing.BaeumInfrastructure;

@SpringBootTest
class RagDatabaseVectorTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("rag-events");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
    }

    @Test
    void ragMigrationEnablesPgvectorAndDistancesWork() throws SQLException {
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT extversion FROM pg_extension WHERE extname = 'vector'")) {
                assertThat(rs.next()).as("vector extension installed").isTrue();
            }
            try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("pg_trgm extension installed").isEqualTo(1);
            }
            try (ResultSet rs = statement.executeQuery("SELECT '[1,2,3]'::vector <-> '[1,2,5]'::vector")) {
                rs.next();
                assertThat(rs.getDouble(1)).isEqualTo(2.0);
            }
        }
    }
}

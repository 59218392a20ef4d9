package io.baeum.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;

/** P2/P3: admin reads of personal data and privileged actions are recorded, append-only and hash-chained. */
class AuditLogTests extends AuthIntegrationTest {

    @Test
    void adminReadsAndActionsAreRecordedWithWhoWhenWhereAndWhose() {
        Members.Tokens admin = members.admin();
        Members.Member member = members.signUp();

        web.get().uri("/api/v1/admin/members/{id}", member.id()).header("Authorization", "Bearer " + admin.accessToken())
                .header("X-Forwarded-For", "203.0.113.77").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data.email").isEqualTo(member.email());

        web.get().uri("/api/v1/admin/audit-events?target={id}&action=MEMBER_VIEWED", member.id())
                .header("Authorization", "Bearer " + admin.accessToken()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.data[0].action").isEqualTo("MEMBER_VIEWED")
                .jsonPath("$.data[0].targetAccountId").isEqualTo(member.id().toString())
                .jsonPath("$.data[0].actorIp").isEqualTo("203.0.113.77")
                .jsonPath("$.data[0].actorId").isNotEmpty()
                .jsonPath("$.data[0].occurredAt").isNotEmpty()
                .jsonPath("$.data[0].hash").isNotEmpty();
    }

    @Test
    void theChainVerifiesAndTamperingWithOneRowIsDetected() throws SQLException {
        Members.Tokens admin = members.admin();
        for (int i = 0; i < 3; i++) {
            Members.Member member = members.signUp();
            web.get().uri("/api/v1/admin/members/{id}", member.id()).header("Authorization", "Bearer " + admin.accessToken())
                    .exchange().expectStatus().isOk();
        }
        web.get().uri("/api/v1/admin/audit-events/verification").header("Authorization", "Bearer " + admin.accessToken())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.data.valid").isEqualTo(true).jsonPath("$.data.firstBrokenSeq").doesNotExist();

        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement()) {
            // the application cannot change rows: a trigger refuses it
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE audit_event SET actor_ip = '10.0.0.1' WHERE seq = 2")).hasMessageContaining("append-only");
            // someone with table-owner rights disables the trigger and rewrites history
            var rs = statement.executeQuery("SELECT coalesce(actor_ip, '') FROM audit_event WHERE seq = 2");
            rs.next();
            String original = rs.getString(1);
            statement.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            statement.executeUpdate("UPDATE audit_event SET actor_ip = '10.0.0.1' WHERE seq = 2");

            web.get().uri("/api/v1/admin/audit-events/verification").header("Authorization", "Bearer " + admin.accessToken())
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.data.valid").isEqualTo(false).jsonPath("$.data.firstBrokenSeq").isEqualTo(2);

            // put history back so the other tests of this class see an intact chain
            statement.executeUpdate("UPDATE audit_event SET actor_ip = nullif('" + original + "', '') WHERE seq = 2");
            statement.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
        }
    }

    @Test
    void deletingARowBreaksTheChainToo() throws SQLException {
        Members.Tokens admin = members.admin();
        Members.Member member = members.signUp();
        web.get().uri("/api/v1/admin/members/{id}", member.id()).header("Authorization", "Bearer " + admin.accessToken())
                .exchange().expectStatus().isOk();
        web.get().uri("/api/v1/admin/members/{id}", member.id()).header("Authorization", "Bearer " + admin.accessToken())
                .exchange().expectStatus().isOk();
        long seq;
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement()) {
            var rs = statement.executeQuery("SELECT max(seq) - 1 FROM audit_event");
            rs.next();
            seq = rs.getLong(1);
            statement.execute("CREATE TEMP TABLE saved AS SELECT * FROM audit_event WHERE seq = " + seq);
            statement.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            statement.executeUpdate("DELETE FROM audit_event WHERE seq = " + seq);
            statement.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");

            web.get().uri("/api/v1/admin/audit-events/verification").header("Authorization", "Bearer " + admin.accessToken())
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.data.valid").isEqualTo(false).jsonPath("$.data.firstBrokenSeq").isEqualTo(seq + 1);

            statement.executeUpdate("INSERT INTO audit_event SELECT * FROM saved");
        }
        web.get().uri("/api/v1/admin/audit-events/verification").header("Authorization", "Bearer " + admin.accessToken())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.data.valid").isEqualTo(true);
    }

    @Test
    void traineesCannotReadTheAuditLog() {
        Members.Tokens trainee = members.logIn(members.signUp());
        web.get().uri("/api/v1/admin/audit-events").header("Authorization", "Bearer " + trainee.accessToken()).exchange()
                .expectStatus().isForbidden();
    }
}

package io.baeum.auth.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;

class TermsAndConsentTests extends AuthIntegrationTest {

    @Test
    void consentsAreRecordedWithTimeAndAddressAndOnlyOptionalOnesCanBeWithdrawn() {
        Members.Member member = members.signUp();
        Members.Tokens tokens = members.logIn(member);

        web.post().uri("/api/v1/me/consents").header("Authorization", "Bearer " + tokens.accessToken())
                .header("X-Forwarded-For", "198.51.100.7").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "marketing", "version", 1)).exchange().expectStatus().isCreated();
        web.post().uri("/api/v1/me/consents/marketing/withdraw").header("Authorization", "Bearer " + tokens.accessToken())
                .exchange().expectStatus().isOk();
        web.post().uri("/api/v1/me/consents/marketing/withdraw").header("Authorization", "Bearer " + tokens.accessToken())
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("CONSENT_NOT_GIVEN");
        web.post().uri("/api/v1/me/consents/privacy/withdraw").header("Authorization", "Bearer " + tokens.accessToken())
                .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.error.code").isEqualTo("TERM_REQUIRED");

        web.get().uri("/api/v1/me/consents").header("Authorization", "Bearer " + tokens.accessToken()).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.data.length()").isEqualTo(4)
                .jsonPath("$.data[2].termCode").isEqualTo("marketing")
                .jsonPath("$.data[2].action").isEqualTo("AGREED")
                .jsonPath("$.data[2].clientIp").isEqualTo("198.51.100.7")
                .jsonPath("$.data[3].action").isEqualTo("WITHDRAWN");
    }

    @Test
    void aNewVersionPublishedByAnAdminReplacesTheOldOneForSignUps() {
        Members.Tokens admin = members.admin();
        web.post().uri("/api/v1/admin/terms").header("Authorization", "Bearer " + admin.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("code", "service", "title", "서비스 이용약관 v2", "contentUrl", "/terms/service/2",
                        "required", true))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.data.version").isEqualTo(2);

        web.get().uri("/api/v1/terms").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.data[?(@.code == 'service')].version").isEqualTo(2);
        web.post().uri("/api/v1/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Members.signUpBody(Members.uniqueEmail(), "최신약관", Members.uniquePhone())).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.error.code").isEqualTo("TERM_OUTDATED");
        web.post().uri("/api/v1/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", Members.uniqueEmail(), "password", Members.PASSWORD, "name", "최신약관",
                        "phone", Members.uniquePhone(), "agreedTerms", List.of(Map.of("code", "service", "version", 2),
                                Map.of("code", "privacy", "version", 1))))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void theConsentHistoryIsAppendOnly() throws Exception {
        members.signUp();
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE consent_record SET action = 'WITHDRAWN'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM consent_record"))
                    .hasMessageContaining("append-only");
        }
        assertThat(true).isTrue();
    }
}

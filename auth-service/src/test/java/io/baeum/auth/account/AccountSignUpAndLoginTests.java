package io.baeum.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;

class AccountSignUpAndLoginTests extends AuthIntegrationTest {

    @Test
    void aNewMemberSignsUpAsTraineeLogsInAndSeesThemselves() {
        Members.Member member = members.signUp("박민수", Members.uniqueEmail());
        Members.Tokens tokens = members.logIn(member);

        members.me(tokens.accessToken()).expectStatus().isOk().expectBody()
                .jsonPath("$.success").isEqualTo(true)
                .jsonPath("$.data.email").isEqualTo(member.email())
                .jsonPath("$.data.name").isEqualTo("박민수")
                .jsonPath("$.data.phone").isEqualTo(member.phone())
                .jsonPath("$.data.roles[0]").isEqualTo("TRAINEE")
                .jsonPath("$.data.status").isEqualTo("ACTIVE");
    }

    @Test
    void theStoredPasswordHashIsArgon2idWithAtLeastOwaspCost() throws SQLException {
        Members.Member member = members.signUp();
        String hash = single("SELECT password_hash FROM account WHERE id = '" + member.id() + "'");

        Matcher phc = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+$")
                .matcher(hash);
        assertThat(phc.matches()).as("PHC string %s", hash).isTrue();
        assertThat(Integer.parseInt(phc.group(1))).isGreaterThanOrEqualTo(19456);
        assertThat(Integer.parseInt(phc.group(2))).isGreaterThanOrEqualTo(2);
        assertThat(Integer.parseInt(phc.group(3))).isEqualTo(1);
    }

    @Test
    void aDumpOfTheAccountTablesHoldsNoPlaintextPersonalData() throws SQLException {
        Members.Member member = members.signUp("이서연", Members.uniqueEmail());
        members.logIn(member);

        String dump = dumpAllTables();
        assertThat(dump).contains(member.id().toString());
        assertThat(dump).doesNotContain(member.email())
                .doesNotContain(member.email().substring(0, member.email().indexOf('@')))
                .doesNotContain("이서연")
                .doesNotContain(member.phone())
                .doesNotContain(member.phone().substring(3));
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        Members.Member member = members.signUp();
        String wrongPassword = failedLogin(member.email(), "Wrong-Password-123", "203.0.113.10");
        String unknownEmail = failedLogin("nobody-" + member.email(), "Wrong-Password-123", "203.0.113.11");

        assertThat(strip(wrongPassword)).isEqualTo(strip(unknownEmail));
        assertThat(wrongPassword).contains("INVALID_CREDENTIALS");
    }

    @Test
    void aDuplicateSignUpIsRefusedAndWritesNothing() throws SQLException {
        Members.Member member = members.signUp();
        long before = count("account");

        web.post().uri("/api/v1/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Members.signUpBody(member.email().toUpperCase(), "다른사람", Members.uniquePhone()))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.error.code").isEqualTo("EMAIL_TAKEN");

        assertThat(count("account")).isEqualTo(before);
    }

    static Stream<Arguments> badSignUps() {
        String email = Members.uniqueEmail();
        return Stream.of(
                Arguments.of("malformed email", with("email", "not-an-email"), 400, "INVALID_EMAIL"),
                Arguments.of("email with spaces", with("email", "a b@example.kr"), 400, "INVALID_EMAIL"),
                Arguments.of("malformed phone", with("phone", "02-123-4567"), 400, "INVALID_PHONE"),
                Arguments.of("letters in phone", with("phone", "010-abcd-5678"), 400, "INVALID_PHONE"),
                Arguments.of("short password", with("password", "Short1!"), 400, "WEAK_PASSWORD"),
                Arguments.of("breached password", with("password", "Password123!"), 400, "WEAK_PASSWORD"),
                Arguments.of("keyboard run", with("password", "qwertyuiop12"), 400, "WEAK_PASSWORD"),
                Arguments.of("repeated character", with("password", "aaaaaaaaaaaa"), 400, "WEAK_PASSWORD"),
                Arguments.of("password containing the email", withAll(Map.of("email", "minsu.park@example.kr",
                        "password", "minsu.park-Secret-77")), 400, "WEAK_PASSWORD"),
                Arguments.of("name with digits", with("name", "R2D2"), 400, "INVALID_NAME"),
                Arguments.of("required term missing", with("agreedTerms", List.of(Map.of("code", "service", "version", 1))),
                        422, "REQUIRED_TERMS_MISSING"),
                Arguments.of("unknown term", with("agreedTerms", List.of(Map.of("code", "service", "version", 1),
                        Map.of("code", "privacy", "version", 1), Map.of("code", "lottery", "version", 1))), 422,
                        "UNKNOWN_TERM"),
                Arguments.of("term version that does not exist", with("agreedTerms", List.of(
                        Map.of("code", "service", "version", 7), Map.of("code", "privacy", "version", 1))), 422,
                        "UNKNOWN_TERM"),
                Arguments.of("missing field", without("password"), 400, "VALIDATION_FAILED"),
                Arguments.of("wrong type", with("agreedTerms", "all"), 400, "INVALID_FIELD_TYPE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignUps")
    void badSignUpsAreRefusedWithACodeAndWriteNothing(String name, Map<String, Object> body, int status, String code)
            throws SQLException {
        long accounts = count("account");
        long consents = count("consent_record");

        web.post().uri("/api/v1/auth/signup").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody()
                .jsonPath("$.success").isEqualTo(false)
                .jsonPath("$.error.code").isEqualTo(code);

        assertThat(count("account")).isEqualTo(accounts);
        assertThat(count("consent_record")).isEqualTo(consents);
    }

    @Test
    void errorsSpeakKoreanWhenAsked() {
        web.post().uri("/api/v1/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "ko")
                .bodyValue(with("phone", "123")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.title").isEqualTo("휴대폰 번호 오류");
    }

    @Test
    void changingThePasswordRevokesEverySessionAndTheNewPasswordWorks() {
        Members.Member member = members.signUp();
        Members.Tokens first = members.logIn(member);
        Members.Tokens second = members.logIn(member);

        web.post().uri("/api/v1/me/password").header("Authorization", "Bearer " + first.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", member.password(), "newPassword", "A-Much-Better-Secret-42"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.sessionsRevoked").isEqualTo(2);

        members.me(first.accessToken()).expectStatus().isUnauthorized();
        members.me(second.accessToken()).expectStatus().isUnauthorized();
        members.refresh(second.refreshToken()).expectStatus().isBadRequest();
        members.logIn(member.email(), "A-Much-Better-Secret-42");
    }

    private static Map<String, Object> with(String key, Object value) {
        Map<String, Object> body = new HashMap<>(Members.signUpBody(Members.uniqueEmail(), "홍길동", Members.uniquePhone()));
        body.put(key, value);
        return body;
    }

    private static Map<String, Object> withAll(Map<String, Object> values) {
        Map<String, Object> body = new HashMap<>(Members.signUpBody(Members.uniqueEmail(), "홍길동", Members.uniquePhone()));
        body.putAll(values);
        return body;
    }

    private static Map<String, Object> without(String key) {
        Map<String, Object> body = new HashMap<>(Members.signUpBody(Members.uniqueEmail(), "홍길동", Members.uniquePhone()));
        body.remove(key);
        return body;
    }

    private String failedLogin(String email, String password, String ip) {
        return web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", ip)
                .bodyValue(Map.of("email", email, "password", password)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The body without the parts that differ per request (request id, time). */
    private static String strip(String body) {
        return body.replaceAll("\"requestId\":\"[^\"]*\"", "").replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    static long count(String table) throws SQLException {
        return Long.parseLong(single("SELECT count(*) FROM " + table));
    }

    static String single(String sql) throws SQLException {
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Every row of every table of the service, as text (what a dump would show). */
    static String dumpAllTables() throws SQLException {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        dump.append(table).append(": ").append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }
}

package io.baeum.auth.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;

import io.baeum.auth.session.domain.RefreshTokenValue;
import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;
import software.amazon.awssdk.services.sqs.model.Message;

/** SECURITY.md A1–A4 against the running service, PostgreSQL and Redis. */
class RefreshTokenRotationTests extends AuthIntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aRefreshTokenWorksOnceAndIsReplacedByANewOne() {
        Members.Tokens login = members.logIn(members.signUp());

        Members.Tokens refreshed = Members.tokens(members.refresh(login.refreshToken()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(refreshed.refreshToken()).isNotEqualTo(login.refreshToken());
        assertThat(refreshed.sessionId()).isEqualTo(login.sessionId());
        members.me(refreshed.accessToken()).expectStatus().isOk();
    }

    @Test
    void whenARotatedTokenIsReusedThenTheWholeFamilyIsRevokedIncludingTheNewestToken() {
        Members.Tokens login = members.logIn(members.signUp());
        Members.Tokens second = Members.tokens(members.refresh(login.refreshToken()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        Members.Tokens newest = Members.tokens(members.refresh(second.refreshToken()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());

        // the attacker replays the first, long-spent token
        members.refresh(login.refreshToken()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_GRANT");

        members.refresh(newest.refreshToken()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_GRANT");
        members.me(newest.accessToken()).expectStatus().isUnauthorized();
        assertThat(redis.opsForValue().get(SessionDenyList.PREFIX + login.sessionId()).block())
                .isEqualTo("REFRESH_TOKEN_REUSE");
    }

    @Test
    void fiftyConcurrentRefreshesWithOneTokenSucceedExactlyOnce() throws Exception {
        Members.Tokens login = members.logIn(members.signUp());
        int callers = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Integer> refresh = () -> {
                    start.await();
                    return members.refresh(login.refreshToken()).returnResult(String.class).getStatus().value();
                };
                statuses.add(pool.submit(refresh));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }
            assertThat(results).filteredOn(status -> status == 200).hasSize(1);
            assertThat(results).filteredOn(status -> status != 200).hasSize(callers - 1).allMatch(status -> status == 400);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefreshTokenExpiresAfterTheIdleTime() {
        Members.Tokens login = members.logIn(members.signUp());

        clock.advance(Duration.ofDays(14).plusMinutes(1));

        members.refresh(login.refreshToken()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_GRANT");
    }

    @Test
    void aSessionEndsAtItsAbsoluteExpiryHoweverActive() {
        Members.Tokens tokens = members.logIn(members.signUp());
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofDays(9));
            tokens = Members.tokens(members.refresh(tokens.refreshToken()).expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody());
        }
        clock.advance(Duration.ofDays(4)); // 31 days after login, last use 4 days ago

        members.refresh(tokens.refreshToken()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_GRANT");
    }

    @Test
    void onlyTheHashOfARefreshTokenIsStored() throws SQLException {
        Members.Tokens login = members.logIn(members.signUp());
        String expectedHash = HexFormat.of().formatHex(new RefreshTokenValue(login.refreshToken()).hash());

        List<String> rows = new ArrayList<>();
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT encode(token_hash, 'hex'), r::text FROM refresh_token r")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        assertThat(String.join("\n", rows)).contains(expectedHash).doesNotContain(login.refreshToken());
    }

    @Test
    void logoutRevokesTheSessionEverywhereAndAnnouncesIt() {
        Members.Member member = members.signUp();
        Members.Tokens login = members.logIn(member);

        web.post().uri("/api/v1/auth/logout").header("Authorization", "Bearer " + login.accessToken()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.sessionId").isEqualTo(login.sessionId());

        members.me(login.accessToken()).expectStatus().isUnauthorized();
        members.refresh(login.refreshToken()).expectStatus().isBadRequest();
        Long ttl = redis.getExpire(SessionDenyList.PREFIX + login.sessionId()).block().toSeconds();
        assertThat(ttl).isBetween(550L, 630L); // the rest of a 10-minute token plus skew
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Message> messages = infra.sqs().drain("learning-events", 10);
            assertThat(messages).anySatisfy(message -> assertThat(message.body())
                    .contains("io.baeum.auth.SessionRevoked.v1")
                    .contains(login.sessionId())
                    .contains("LOGOUT")
                    .contains(member.id().toString()));
        });
    }

    @Test
    void suspensionAndDeletionRevokeEverySessionOfTheAccount() {
        Members.Tokens admin = members.admin();
        Members.Member member = members.signUp();
        Members.Tokens first = members.logIn(member);
        Members.Tokens second = members.logIn(member);

        web.post().uri("/api/v1/admin/members/{id}/suspend", member.id())
                .header("Authorization", "Bearer " + admin.accessToken()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("SUSPENDED");

        members.me(first.accessToken()).expectStatus().isUnauthorized();
        members.me(second.accessToken()).expectStatus().isUnauthorized();
        members.refresh(second.refreshToken()).expectStatus().isBadRequest();
        web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", member.email(), "password", member.password())).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.code").isEqualTo("ACCOUNT_SUSPENDED");

        web.post().uri("/api/v1/admin/members/{id}/reactivate", member.id())
                .header("Authorization", "Bearer " + admin.accessToken()).exchange().expectStatus().isOk();
        Members.Tokens third = members.logIn(member);

        web.post().uri("/api/v1/admin/members/{id}/delete", member.id())
                .header("Authorization", "Bearer " + admin.accessToken()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.data.status").isEqualTo("DELETED");
        members.me(third.accessToken()).expectStatus().isUnauthorized();
        web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", member.email(), "password", member.password())).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void garbageRefreshTokensAreInvalidGrants() {
        members.refresh("x".repeat(43)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_GRANT");
        members.refresh("short").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_GRANT");
    }
}

package io.baeum.auth.session;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;

/** A7: failures are throttled per account and per IP; the answers never reveal whether an account exists. */
class LoginThrottlingTests extends AuthIntegrationTest {

    // the test profile allows 5 failures per account and 50 per IP per hour

    @Test
    void afterTooManyFailuresEvenTheRightPasswordIsRefusedForAWhile() {
        Members.Member member = members.signUp();
        for (int i = 0; i < 5; i++) {
            login(member.email(), "Wrong-Password-" + i, "192.0.2.1").expectStatus().isUnauthorized();
        }

        login(member.email(), member.password(), "192.0.2.2").expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.error.code").isEqualTo("LOGIN_THROTTLED");
    }

    @Test
    void anEmailWithoutAnAccountIsThrottledExactlyLikeOneWithAnAccount() {
        String nobody = Members.uniqueEmail();
        for (int i = 0; i < 5; i++) {
            login(nobody, "Wrong-Password-" + i, "192.0.2.3").expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_CREDENTIALS");
        }
        login(nobody, "Wrong-Password-x", "192.0.2.4").expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.error.code").isEqualTo("LOGIN_THROTTLED");
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottled() {
        Members.Member member = members.signUp();
        for (int i = 0; i < 50; i++) {
            login(Members.uniqueEmail(), "Wrong-Password-1", "192.0.2.99").expectStatus().isUnauthorized();
        }

        login(member.email(), member.password(), "192.0.2.99").expectStatus().isEqualTo(429);
        login(member.email(), member.password(), "192.0.2.100").expectStatus().isOk();
    }

    @Test
    void aSuccessfulLoginClearsTheAccountCounter() {
        Members.Member member = members.signUp();
        for (int i = 0; i < 4; i++) {
            login(member.email(), "Wrong-Password-" + i, "192.0.2.5").expectStatus().isUnauthorized();
        }
        login(member.email(), member.password(), "192.0.2.5").expectStatus().isOk();
        for (int i = 0; i < 4; i++) {
            login(member.email(), "Wrong-Password-" + i, "192.0.2.5").expectStatus().isUnauthorized();
        }
        login(member.email(), member.password(), "192.0.2.5").expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec login(String email, String password, String ip) {
        return web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", ip)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }
}

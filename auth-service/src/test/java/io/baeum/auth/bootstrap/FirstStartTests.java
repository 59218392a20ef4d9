package io.baeum.auth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;

/** First start: the configured admin exists; with demo accounts on, one per role is printed for the launcher. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "baeum.auth.bootstrap.demo-accounts=true")
class FirstStartTests extends AuthIntegrationTest {

    @Test
    void demoAccountsForEveryRoleArePrintedAndSignIn(CapturedOutput output) {
        for (String role : new String[] {"ADMIN", "INSTRUCTOR", "TRAINEE"}) {
            Matcher line = Pattern.compile("demo account: (\\S+) / (\\S+) \\(" + role + "\\)").matcher(output.getAll());
            assertThat(line.find()).as("demo account line for %s", role).isTrue();
            Members.Tokens tokens = members.logIn(line.group(1), line.group(2));
            members.me(tokens.accessToken()).expectStatus().isOk()
                    .expectBody().jsonPath("$.data.roles").value(roles -> assertThat(roles.toString()).contains(role));
        }
    }

    @Test
    void theConfiguredFirstAdminCanAdminister() {
        Members.Tokens admin = members.admin();
        web.get().uri("/api/v1/admin/members").header("Authorization", "Bearer " + admin.accessToken()).exchange()
                .expectStatus().isOk();
    }
}

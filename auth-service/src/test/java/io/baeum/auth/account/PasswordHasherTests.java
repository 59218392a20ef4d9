package io.baeum.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class PasswordHasherTests {

    private static final Logger log = LoggerFactory.getLogger(PasswordHasherTests.class);

    @Test
    void hashesAreArgon2idWithTheConfiguredCostAndVerify() {
        PasswordHasher hasher = new PasswordHasher(new PasswordProperties(19456, 2, 2));
        try {
            String hash = hasher.hash("Correct-Horse-Battery-9").block(Duration.ofSeconds(30));

            assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(hasher.matches("Correct-Horse-Battery-9", hash).block()).isTrue();
            assertThat(hasher.matches("Correct-Horse-Battery-8", hash).block()).isFalse();
            assertThat(hasher.matches("anything", null).block()).isFalse();
            assertThat(hasher.needsRehash(hash)).isFalse();
            assertThat(hasher.needsRehash("$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                    + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g")).isTrue();

            int rounds = 10;
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                hasher.matches("Correct-Horse-Battery-9", hash).block();
            }
            log.info("argon2id m=19456 t=2 p=1: {} ms per verification", (System.nanoTime() - start) / rounds / 1_000_000);
        }
        finally {
            hasher.destroy();
        }
    }
}

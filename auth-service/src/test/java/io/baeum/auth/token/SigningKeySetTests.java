package io.baeum.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;

import io.baeum.auth.token.domain.SigningKey;
import io.baeum.auth.token.domain.SigningKeySet;

/** The rotation arithmetic: publish ahead, sign, keep published until the last tokens expired. */
class SigningKeySetTests {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration GRACE = Duration.ofMinutes(10).plusSeconds(30);
    static final Duration INTERVAL = Duration.ofDays(30);
    static final Duration AHEAD = Duration.ofMinutes(15);

    @Test
    void aNewKeyIsPublishedBeforeItSignsAndTheOldOneStaysUntilItsTokensExpired() throws Exception {
        SigningKey first = key("k1", T0, T0);
        Instant rotation = T0.plus(INTERVAL).minus(AHEAD);
        SigningKey second = key("k2", rotation, rotation.plus(AHEAD));
        SigningKeySet keys = new SigningKeySet(List.of(second, first));

        // published ahead: verifiers learn k2 while k1 still signs
        assertThat(keys.signingKey(rotation.plusSeconds(1))).map(SigningKey::kid).contains("k1");
        assertThat(kids(keys.published(rotation.plusSeconds(1), GRACE))).containsExactly("k1", "k2");
        // k2 signs once active; k1 remains published for the lifetime of its last tokens
        Instant switchOver = rotation.plus(AHEAD);
        assertThat(keys.signingKey(switchOver)).map(SigningKey::kid).contains("k2");
        assertThat(kids(keys.published(switchOver.plus(GRACE).minusSeconds(1), GRACE))).containsExactly("k1", "k2");
        assertThat(kids(keys.published(switchOver.plus(GRACE), GRACE))).containsExactly("k2");
    }

    @Test
    void rotationIsDueOnlyWhenTheNewestKeyHasSignedLongEnough() throws Exception {
        SigningKeySet keys = new SigningKeySet(List.of(key("k1", T0, T0)));

        assertThat(keys.rotationDue(T0.plus(Duration.ofDays(29)), INTERVAL, AHEAD)).isFalse();
        assertThat(keys.rotationDue(T0.plus(INTERVAL).minus(AHEAD), INTERVAL, AHEAD)).isTrue();
        assertThat(new SigningKeySet(List.of()).rotationDue(T0, INTERVAL, AHEAD)).isTrue();
    }

    @Test
    void aKeyNotYetCreatedIsNeitherPublishedNorSigning() throws Exception {
        SigningKeySet keys = new SigningKeySet(List.of(key("k1", T0, T0)));
        assertThat(keys.signingKey(T0.minusSeconds(1))).isEmpty();
        assertThat(keys.published(T0.minusSeconds(1), GRACE)).isEmpty();
    }

    private static List<String> kids(List<SigningKey> keys) {
        return keys.stream().map(SigningKey::kid).toList();
    }

    private static SigningKey key(String kid, Instant created, Instant activates) throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID(kid).generate();
        return new SigningKey(kid, rsa, created, activates);
    }
}

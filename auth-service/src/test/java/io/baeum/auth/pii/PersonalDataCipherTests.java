package io.baeum.auth.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTests {

    static final String OLD = Base64.getEncoder().encodeToString("old-key-32-bytes-old-key-32-byte".getBytes());
    static final String NEW = Base64.getEncoder().encodeToString("new-key-32-bytes-new-key-32-byte".getBytes());
    static final String INDEX = Base64.getEncoder().encodeToString("index-key-32-bytes-index-key-32b".getBytes());

    static CryptoProperties keys(String current) {
        return new CryptoProperties(Map.of("k1", OLD, "k2", NEW), current, INDEX, INDEX);
    }

    @Test
    void ciphertextsCarryTheirKeyIdAndOldKeysStillDecryptAfterRotation() {
        String written = new PersonalDataCipher(keys("k1")).encrypt("account.email", "minsu@example.kr");
        PersonalDataCipher rotated = new PersonalDataCipher(keys("k2"));

        assertThat(written).startsWith("k1.").doesNotContain("minsu");
        assertThat(rotated.decrypt("account.email", written)).isEqualTo("minsu@example.kr");
        assertThat(rotated.needsReEncryption(written)).isTrue();
        assertThat(rotated.encrypt("account.email", "minsu@example.kr")).startsWith("k2.");
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        PersonalDataCipher cipher = new PersonalDataCipher(keys("k2"));
        assertThat(cipher.encrypt("account.name", "김배움")).isNotEqualTo(cipher.encrypt("account.name", "김배움"));
    }

    @Test
    void aValueMovedToAnotherFieldOrAlteredDoesNotDecrypt() {
        PersonalDataCipher cipher = new PersonalDataCipher(keys("k2"));
        String phone = cipher.encrypt("account.phone", "01012345678");

        assertThatThrownBy(() -> cipher.decrypt("account.email", phone)).isInstanceOf(IllegalStateException.class);
        char[] chars = phone.toCharArray();
        chars[chars.length - 3] = chars[chars.length - 3] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> cipher.decrypt("account.phone", new String(chars))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void blindIndexesAreDeterministicPerPurposeAndNeverThePlainValue() {
        BlindIndex index = new BlindIndex(keys("k2"));
        assertThat(index.email("a@b.kr")).isEqualTo(index.email("a@b.kr")).isNotEqualTo(index.phone("a@b.kr"));
        assertThat(index.namePrefix("김하늘")).isEqualTo(index.namePrefix("김하람"));
        assertThat(index.namePrefix("김하늘")).isNotEqualTo(index.namePrefix("이하늘"));
    }

    @Test
    void keyMaterialOfTheWrongSizeIsRefusedAtStartup() {
        assertThatThrownBy(() -> new CryptoProperties(Map.of("k1", Base64.getEncoder().encodeToString(new byte[16])),
                "k1", INDEX, INDEX)).hasMessageContaining("data-keys.k1");
        assertThatThrownBy(() -> new CryptoProperties(Map.of("k1", OLD), "k9", INDEX, INDEX))
                .hasMessageContaining("current-data-key");
    }
}

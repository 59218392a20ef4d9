package io.baeum.learning.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import org.junit.jupiter.api.Test;

import io.baeum.common.error.DomainException;
import io.baeum.learning.certificate.domain.CertificateNumber;

/** Certificate numbers: year + six-digit sequence + ISO 7064 MOD 11-2 check character. */
class CertificateNumberTests {

    @Test
    void aNumberIsTheYearTheZeroPaddedSequenceAndTheCheckCharacter() {
        CertificateNumber number = new CertificateNumber(2026, 123);
        assertThat(number.toString()).matches("2026-000123-[0-9X]");
        assertThat(CertificateNumber.parse(number.toString())).isEqualTo(number);
        // ISO 7064 MOD 11-2 as ISNI uses it: 000000000000007 9 → X
        assertThat(CertificateNumber.checkCharacter("0000000000000079")).isEqualTo('X');
    }

    @Test
    void malformedNumbersAreRefusedAsInvalid() {
        for (String bad : new String[] {"", "2026", "2026-000123", "2026-00012-3", "abcd-000123-1", "2026-000123-Y",
                "2026-0000001-" + CertificateNumber.checkCharacter("20260000001"), "../../etc", "2026-000000-" + CertificateNumber.checkCharacter("2026000000")}) {
            assertThatThrownBy(() -> CertificateNumber.parse(bad)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo("MALFORMED_CERTIFICATE_NUMBER"));
        }
    }

    @Property(tries = 300)
    void everySingleDigitErrorIsDetected(@ForAll @IntRange(min = 2000, max = 2999) int year,
                                         @ForAll @LongRange(min = 1, max = 999_999) long sequence) {
        String number = new CertificateNumber(year, sequence).toString();
        char[] chars = number.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (!Character.isDigit(chars[i]) || i == chars.length - 1) {
                continue;
            }
            for (char d = '0'; d <= '9'; d++) {
                if (d == chars[i]) {
                    continue;
                }
                char[] wrong = chars.clone();
                wrong[i] = d;
                String typo = new String(wrong);
                assertThatThrownBy(() -> CertificateNumber.parse(typo)).as(typo).isInstanceOf(DomainException.class);
            }
        }
        // and a wrong check character
        for (char c : "0123456789X".toCharArray()) {
            if (c != chars[chars.length - 1]) {
                String typo = number.substring(0, number.length() - 1) + c;
                assertThatThrownBy(() -> CertificateNumber.parse(typo)).as(typo).isInstanceOf(DomainException.class);
            }
        }
    }

    @Property(tries = 300)
    void everyTranspositionOfAdjacentDifferentDigitsIsDetected(@ForAll @IntRange(min = 2000, max = 2999) int year,
                                                               @ForAll @LongRange(min = 1, max = 999_999) long sequence) {
        String digits = year + String.format("%06d", sequence);
        char check = CertificateNumber.checkCharacter(digits);
        for (int i = 0; i + 1 < digits.length(); i++) {
            if (digits.charAt(i) == digits.charAt(i + 1)) {
                continue;
            }
            char[] swapped = digits.toCharArray();
            swapped[i] = digits.charAt(i + 1);
            swapped[i + 1] = digits.charAt(i);
            assertThat(CertificateNumber.checkCharacter(new String(swapped))).as(new String(swapped)).isNotEqualTo(check);
        }
    }
}

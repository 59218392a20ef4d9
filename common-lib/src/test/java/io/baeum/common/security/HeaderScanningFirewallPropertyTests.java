package io.baeum.common.security;

import java.util.function.Predicate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** The scanning predicates allow exactly what Spring Security's strict firewall predicates allow. */
class HeaderScanningFirewallPropertyTests {

    private static final Predicate<String> HEADER_NAMES =
            HeaderScanningFirewall.printableAsciiOr(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES, false);
    private static final Predicate<String> HEADER_VALUES =
            HeaderScanningFirewall.printableAsciiOr(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES, true);

    @Property(tries = 5_000)
    void headerNamesAsSpringJudgesThem(@ForAll("headerText") String value) {
        assertThat(HEADER_NAMES.test(value)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(value));
    }

    @Property(tries = 5_000)
    void headerValuesAsSpringJudgesThem(@ForAll("headerText") String value) {
        assertThat(HEADER_VALUES.test(value)).isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(value));
    }

    @Example
    void controlCharactersAreStillRefused() {
        for (String value : new String[] {"a\u0000b", "a\nb", "a\rb", "a\u007fb", "a\u0085b", "a\u009fb", "\uFFFF"}) {
            assertThat(HEADER_VALUES.test(value)).as("%s", value).isFalse();
            assertThat(HEADER_NAMES.test(value)).as("%s", value).isFalse();
        }
        assertThat(HEADER_VALUES.test("a\tb")).isTrue();
        assertThat(HEADER_NAMES.test("a\tb")).isFalse();
        assertThat(HEADER_VALUES.test("Bearer abc.def")).isTrue();
        assertThat(HEADER_VALUES.test("café ☕")).isTrue();
        assertThat(HEADER_VALUES.test(null)).isTrue();
    }

    @Provide
    Arbitrary<String> headerText() {
        Arbitrary<String> ascii = Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(30);
        Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(30);
        Arbitrary<String> latin = Arbitraries.strings().withCharRange('\u0000', '\u00ff').withChars('\t', '\uFFFF', '\u0378')
                .ofMaxLength(30);
        return Arbitraries.oneOf(ascii, printable, anything, latin);
    }
}

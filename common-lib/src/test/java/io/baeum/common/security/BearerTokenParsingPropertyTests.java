package io.baeum.common.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written bearer parser accepts exactly what RFC 6750's grammar (as the regex it replaced
 * spells it) accepts, and yields the same token.
 */
class BearerTokenParsingPropertyTests {

    /** The grammar as a regex: the reference the scan must agree with. */
    private static final Pattern GRAMMAR = Pattern.compile("^Bearer (?<token>[A-Za-z0-9\\-._~+/]+=*)$",
            Pattern.CASE_INSENSITIVE);

    @Property(tries = 5_000)
    void agreesWithTheGrammar(@ForAll("authorizationValues") String value) {
        Matcher matcher = GRAMMAR.matcher(value);
        String expected = matcher.matches() ? matcher.group("token") : null;
        assertThat(BearerTokenAuthenticationConverter.bearerToken(value)).isEqualTo(expected);
    }

    @Example
    void readsWellFormedValues() {
        assertThat(BearerTokenAuthenticationConverter.bearerToken("Bearer abc.DEF-1_2~3+4/5==")).isEqualTo("abc.DEF-1_2~3+4/5==");
        assertThat(BearerTokenAuthenticationConverter.bearerToken("bEaReR x")).isEqualTo("x");
    }

    @Example
    void refusesEverythingElse() {
        for (String value : new String[] {"", "Bearer", "Bearer ", "Bearer  abc", "Bearer =", "Bearer abc=d",
                "Bearer abc ", "Bearer abc\n", "Basic abc", "Bearer\tabc", "Bearer\0abc", "Bearer ab c", "Bearerabc",
                "Bearer abc,def", "Bearer abç", "Bearer abc\u0000"}) {
            assertThat(BearerTokenAuthenticationConverter.bearerToken(value)).as("%s", value).isNull();
        }
    }

    @Provide
    Arbitrary<String> authorizationValues() {
        Arbitrary<String> scheme = Arbitraries.of("Bearer ", "bearer ", "BEARER ", "bEaReR ", "Bearer", "Bearer  ",
                "Bearer\t", "Bearer\0", "Basic ", "Bear ", "Bearerr ", "\u0000earer ", "Bearer\u00a0", "");
        Arbitrary<String> wellFormed = Combinators.combine(
                Arbitraries.strings().withChars("aZ09-._~+/").withCharRange('a', 'z').ofMaxLength(40),
                Arbitraries.strings().withChars('=').ofMaxLength(3)).as(String::concat);
        Arbitrary<String> anything = Arbitraries.strings()
                .withChars("aZ09-._~+/=")
                .withChars(" \t\n\r\0,;:\"'\\%")
                .withChars("çİıſK€\u2028")
                .withCharRange('a', 'z')
                .ofMaxLength(40);
        return Combinators.combine(scheme, Arbitraries.oneOf(wellFormed, anything)).as(String::concat);
    }
}

package io.baeum.exam.bank.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a short answer is compared: Unicode NFKC (full-width Ｊａｖａ and １２ become Java and 12, and
 * decomposed Hangul is composed), every kind of space removed, lower case. "객체 지향" = "객체지향".
 */
public final class ShortAnswers {

    private ShortAnswers() {
    }

    public static String normalise(String answer) {
        String nfkc = Normalizer.normalize(answer, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp))
                .forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }
}

package io.baeum.rag.text;

import java.text.Normalizer;
import java.util.Locale;

/** Text reduced for comparisons that must ignore spacing, punctuation, width and case (띄어쓰기 variants). */
public final class Normalized {

    private Normalized() {
    }

    /** NFKC, lower case, letters and digits only. */
    public static String compact(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}

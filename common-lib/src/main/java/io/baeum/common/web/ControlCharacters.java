package io.baeum.common.web;

/**
 * The one rule for text a Baeum service accepts from a client: no C0 control characters (NUL included:
 * PostgreSQL refuses it in {@code text}), no DEL, no C1 controls and no unpaired UTF-16 surrogates. JSON
 * string fields may hold tab, line feed and carriage return (multi-line texts such as descriptions);
 * query parameters, path segments and header values may not.
 */
public final class ControlCharacters {

    /** Field-error code of a text refused by this rule (message key of the same name). */
    public static final String CODE = "NoControlCharacters";

    private ControlCharacters() {
    }

    /** True when {@code text} holds a character this rule refuses; tab, LF and CR pass when {@code multiLine}. */
    public static boolean forbiddenIn(CharSequence text, boolean multiLine) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue;   // printable ASCII, the common case
            }
            if (c < 0x20) {
                if (!(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                    return true;
                }
            } else if (c <= 0x9f) {
                return true;   // DEL and C1 controls
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}

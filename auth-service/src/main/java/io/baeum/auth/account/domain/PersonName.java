package io.baeum.auth.account.domain;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/** A person's name, NFC-normalised and trimmed, 1–50 characters, letters, spaces, dots and hyphens. */
public record PersonName(String value) {

    public static PersonName parse(@Nullable String raw) {
        if (raw == null) {
            throw AccountErrors.invalidName();
        }
        String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).replaceAll("\\s+", " ");
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > 50 || !name.codePoints().allMatch(c ->
                Character.isLetter(c) || c == ' ' || c == '.' || c == '-' || c == '\'')) {
            throw AccountErrors.invalidName();
        }
        return new PersonName(name);
    }

    /** The form blind indexes are computed over: lower case, no spaces. */
    public String searchForm() {
        return value.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    }

    @Override
    public String toString() {
        return "PersonName[***]";
    }
}

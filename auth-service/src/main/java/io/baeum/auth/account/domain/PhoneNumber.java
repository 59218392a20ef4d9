package io.baeum.auth.account.domain;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** A Korean mobile number, normalised to digits only (e.g. {@code 01012345678}). */
public record PhoneNumber(String value) {

    private static final Pattern MOBILE = Pattern.compile("^01[016789][0-9]{7,8}$");

    public static PhoneNumber parse(@Nullable String raw) {
        if (raw == null) {
            throw AccountErrors.invalidPhone();
        }
        String digits = raw.strip().replaceAll("[\\s-]", "");
        if (digits.startsWith("+82")) {
            digits = "0" + digits.substring(3);
        }
        if (!MOBILE.matcher(digits).matches()) {
            throw AccountErrors.invalidPhone();
        }
        return new PhoneNumber(digits);
    }

    @Override
    public String toString() {
        return "PhoneNumber[***]";
    }
}

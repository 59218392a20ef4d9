package io.baeum.auth.account.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** A normalised (trimmed, lower-case) email address. */
public record EmailAddress(String value) {

    // deliberately simple: one @, a dotted domain, no spaces or control characters
    private static final Pattern SHAPE = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    public static EmailAddress parse(@Nullable String raw) {
        if (raw == null) {
            throw AccountErrors.invalidEmail();
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !SHAPE.matcher(email).matches() || email.contains("..")) {
            throw AccountErrors.invalidEmail();
        }
        return new EmailAddress(email);
    }

    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    @Override
    public String toString() {
        return "EmailAddress[***]";
    }
}

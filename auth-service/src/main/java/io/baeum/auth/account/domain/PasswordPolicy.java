package io.baeum.auth.account.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a password must be (OWASP ASVS V6 / NIST 800-63B): 10–128 characters, not one of the
 * commonly breached passwords (a bundled list), not built on a trivial pattern (one repeated
 * character, a keyboard or digit run), and not containing the email's local part or the name.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    private static final Set<String> BREACHED = load();
    private static final String[] RUNS = {"0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl",
            "zxcvbnm", "9876543210"};

    private PasswordPolicy() {
    }

    /** Throws {@code WEAK_PASSWORD} naming the first rule {@code password} breaks. */
    public static void check(@Nullable String password, @Nullable EmailAddress email, @Nullable PersonName name) {
        if (password == null || password.isBlank()) {
            throw AccountErrors.weakPassword("empty");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw AccountErrors.weakPassword("shorter than " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw AccountErrors.weakPassword("longer than " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (BREACHED.contains(lower) || BREACHED.contains(stripTrailingDigitsAndSymbols(lower))) {
            throw AccountErrors.weakPassword("a commonly breached password");
        }
        if (lower.codePoints().distinct().count() <= 2) {
            throw AccountErrors.weakPassword("too few distinct characters");
        }
        for (String run : RUNS) {
            for (int i = 0; i + 6 <= run.length(); i++) {
                if (lower.contains(run.substring(i, i + 6))) {
                    throw AccountErrors.weakPassword("contains a keyboard or digit sequence");
                }
            }
        }
        if (email != null && email.localPart().length() >= 3 && lower.contains(email.localPart())) {
            throw AccountErrors.weakPassword("contains the email address");
        }
        if (name != null && name.searchForm().length() >= 2 && lower.replace(" ", "").contains(name.searchForm())) {
            throw AccountErrors.weakPassword("contains the name");
        }
    }

    private static String stripTrailingDigitsAndSymbols(String password) {
        int end = password.length();
        while (end > 0 && !Character.isLetter(password.charAt(end - 1))) {
            end--;
        }
        return password.substring(0, end);
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/baeum/breached-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("baeum/breached-passwords.txt missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).forEach(words::add);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Set.copyOf(words);
    }
}

package io.baeum.learning.certificate.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.baeum.common.error.DomainException;

/**
 * A certificate's issue number: the year of issue, a sequence zero-padded to six digits, and an ISO 7064
 * MOD 11-2 check character over those digits ({@code 0}–{@code 9} or {@code X}), written
 * {@code 2026-000123-7}. The check character catches every single-digit error and every transposition of
 * two adjacent digits, so a mistyped number on the verification page is refused as malformed instead of
 * being looked up.
 */
public record CertificateNumber(int year, long sequence) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{6,12})-([0-9X])");

    public CertificateNumber {
        if (year < 1000 || year > 9999 || sequence < 1 || sequence > 999_999_999_999L) {
            throw new IllegalArgumentException("year or sequence out of range");
        }
    }

    /** Parses a number as printed; refuses a wrong shape or check character with 400 {@code MALFORMED_CERTIFICATE_NUMBER}. */
    public static CertificateNumber parse(String text) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw malformed(text);
        }
        String digits = m.group(1) + m.group(2);
        if (checkCharacter(digits) != m.group(3).charAt(0)) {
            throw malformed(text);
        }
        long sequence = Long.parseLong(m.group(2));
        if (sequence < 1 || !m.group(2).equals(pad(sequence))) {
            throw malformed(text);
        }
        return new CertificateNumber(Integer.parseInt(m.group(1)), sequence);
    }

    /** ISO 7064 MOD 11-2 over decimal digits. */
    public static char checkCharacter(String digits) {
        int total = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a digit: " + digits.charAt(i));
            }
            total = (total + digit) * 2 % 11;
        }
        int check = (12 - total) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    public char check() {
        return checkCharacter(year + pad(sequence));
    }

    @Override
    public String toString() {
        return year + "-" + pad(sequence) + "-" + check();
    }

    private static String pad(long sequence) {
        String text = Long.toString(sequence);
        return text.length() >= 6 ? text : "0".repeat(6 - text.length()) + text;
    }

    private static DomainException malformed(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return DomainException.invalid("MALFORMED_CERTIFICATE_NUMBER",
                "not a certificate number (expected e.g. 2026-000123-7): " + shown, shown);
    }
}

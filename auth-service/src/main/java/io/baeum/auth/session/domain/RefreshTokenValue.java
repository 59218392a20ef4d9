package io.baeum.auth.session.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An opaque refresh token: 256 random bits, base64url. Only {@link #hash()} (SHA-256) is stored;
 * with 256 bits of entropy a keyed hash adds nothing.
 */
public record RefreshTokenValue(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public static RefreshTokenValue generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new RefreshTokenValue(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Whether {@code raw} could be one of ours (43 base64url characters). */
    public static boolean plausible(String raw) {
        return raw != null && raw.length() == 43 && raw.chars().allMatch(c ->
                Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    public byte[] hash() {
        return sha256(value);
    }

    public static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public String toString() {
        return "RefreshTokenValue[***]";
    }
}

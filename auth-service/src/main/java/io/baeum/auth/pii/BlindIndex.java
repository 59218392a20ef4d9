package io.baeum.auth.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes (HMAC-SHA256) of normalised personal data, for exact-match lookups without storing
 * the value. The purpose is part of the input, so an email hash never equals a phone hash.
 */
public final class BlindIndex {

    private final SecretKeySpec key;

    public BlindIndex(CryptoProperties properties) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(properties.indexKey()), "HmacSHA256");
    }

    public byte[] of(String purpose, String normalisedValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(normalisedValue.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 unavailable", ex);
        }
    }

    public byte[] email(String normalisedEmail) {
        return of("email", normalisedEmail);
    }

    public byte[] phone(String normalisedPhone) {
        return of("phone", normalisedPhone);
    }

    public byte[] ci(String ci) {
        return of("ci", ci);
    }

    /** The first two characters (code points) of a normalised name, or the whole name if shorter. */
    public byte[] namePrefix(String normalisedName) {
        int end = normalisedName.offsetByCodePoints(0, Math.min(2, normalisedName.codePointCount(0, normalisedName.length())));
        return of("name-prefix", normalisedName.substring(0, end));
    }
}

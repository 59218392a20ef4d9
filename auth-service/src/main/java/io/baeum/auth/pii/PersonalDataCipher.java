package io.baeum.auth.pii;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * AES-256-GCM for personal data at rest. A ciphertext is {@code <key id>.<base64url(nonce ||
 * ciphertext+tag)>}: the key id travels with it, so keys rotate by adding a new current key while
 * old ones still decrypt. The field name is the associated data, so a value cannot be moved to
 * another column unnoticed.
 */
public final class PersonalDataCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(CryptoProperties properties) {
        properties.dataKeys().forEach((id, key) ->
                keys.put(id, new SecretKeySpec(Base64.getDecoder().decode(key), "AES")));
        this.currentKeyId = properties.currentDataKey();
    }

    /** Encrypts {@code plaintext} of the field {@code field} with the current key. */
    public String encrypt(String field, String plaintext) {
        return encrypt(field, plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String encrypt(String field, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return currentKeyId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM unavailable", ex);
        }
    }

    /** Decrypts a value written by {@link #encrypt(String, String)} for the same field. */
    public String decrypt(String field, String ciphertext) {
        return new String(decryptBytes(field, ciphertext), StandardCharsets.UTF_8);
    }

    public @Nullable String decryptNullable(String field, @Nullable String ciphertext) {
        return ciphertext == null ? null : decrypt(field, ciphertext);
    }

    public byte[] decryptBytes(String field, String ciphertext) {
        int dot = ciphertext.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("not a personal-data ciphertext");
        }
        SecretKey key = keys.get(ciphertext.substring(0, dot));
        if (key == null) {
            throw new IllegalStateException("no data key " + ciphertext.substring(0, dot) + " configured");
        }
        byte[] in = Base64.getUrlDecoder().decode(ciphertext.substring(dot + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("personal data does not decrypt (wrong key or tampered)", ex);
        }
    }

    /** Whether {@code ciphertext} was written with an older key (a re-encryption job would rewrite it). */
    public boolean needsReEncryption(String ciphertext) {
        return !ciphertext.startsWith(currentKeyId + ".");
    }
}

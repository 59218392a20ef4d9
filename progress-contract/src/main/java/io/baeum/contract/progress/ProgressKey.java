package io.baeum.contract.progress;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

/**
 * One HMAC-SHA256 key of a {@link ProgressKeyRing}: an id that travels in every envelope header and a
 * secret that never does. Not a record on purpose: the secret must not show up in {@code toString()}
 * and must not be handed out as a mutable array.
 */
public final class ProgressKey {

    /** Secrets shorter than the HMAC-SHA256 output are refused. */
    public static final int MIN_SECRET_BYTES = 32;

    /** Key ids are 1..32 characters from {@code [A-Za-z0-9._-]}, so they are safe in logs and metric tags. */
    public static final int MAX_ID_LENGTH = 32;

    static final Pattern ID_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_ID_LENGTH + "}");

    static final String HMAC_ALGORITHM = "HmacSHA256";

    private final String id;
    private final byte[] idBytes;
    private final SecretKeySpec secretKey;

    /**
     * @param id     1..32 characters from {@code [A-Za-z0-9._-]}, e.g. {@code progress-2026-03}
     * @param secret at least 32 bytes of random key material (copied)
     * @throws IllegalArgumentException when the id or the secret is invalid (the message never contains the secret)
     */
    public ProgressKey(String id, byte[] secret) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        if (!isValidId(id)) {
            throw new IllegalArgumentException("key id must be 1.." + MAX_ID_LENGTH + " characters from [A-Za-z0-9._-]");
        }
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("secret of key '" + id + "' has " + secret.length
                    + " bytes, at least " + MIN_SECRET_BYTES + " are required");
        }
        this.id = id;
        this.idBytes = id.getBytes(StandardCharsets.US_ASCII);
        // SecretKeySpec copies the array, so the caller may wipe theirs.
        this.secretKey = new SecretKeySpec(secret, HMAC_ALGORITHM);
    }

    /**
     * Builds a key from configuration, where secrets are kept as standard base64.
     *
     * @param id           the key id
     * @param base64Secret the secret, standard base64
     * @return the key
     * @throws IllegalArgumentException when the id or secret is invalid; the message never echoes the secret
     */
    public static ProgressKey fromBase64(String id, String base64Secret) {
        Objects.requireNonNull(base64Secret, "base64Secret");
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64Secret.strip());
        }
        catch (IllegalArgumentException ex) {
            // the decoder's message quotes the offending character: do not propagate it
            throw new IllegalArgumentException("secret of key '" + id + "' is not valid base64");
        }
        return new ProgressKey(id, secret);
    }

    /**
     * @return the key id written in envelope headers
     */
    public String id() {
        return id;
    }

    static boolean isValidId(String id) {
        return ID_PATTERN.matcher(id).matches();
    }

    byte[] idBytes() {
        return idBytes;
    }

    SecretKeySpec secretKey() {
        return secretKey;
    }

    @Override
    public String toString() {
        return "ProgressKey[id=" + id + ", secret=<redacted>]";
    }
}

package io.baeum.auth.pii;

import java.util.Base64;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Key material for personal data ({@code baeum.auth.crypto.*}). Never in the repository for a real
 * deployment: set it through the environment (e.g. {@code BAEUM_AUTH_CRYPTO_DATA_KEYS_K2026A},
 * {@code BAEUM_AUTH_CRYPTO_CURRENT_DATA_KEY}, {@code BAEUM_AUTH_CRYPTO_INDEX_KEY},
 * {@code BAEUM_AUTH_CRYPTO_AUDIT_KEY}) from a secret store. Only the local profile ships fixed keys.
 *
 * @param dataKeys       AES-256 keys by key id, base64 (32 bytes each); old ids stay to decrypt old rows
 * @param currentDataKey the id of the key new ciphertexts are written with
 * @param indexKey       the HMAC-SHA256 key of the blind indexes, base64 (≥ 32 bytes)
 * @param auditKey       the HMAC-SHA256 key of the audit-log chain, base64 (≥ 32 bytes)
 */
@Validated
@ConfigurationProperties("baeum.auth.crypto")
public record CryptoProperties(
        @NotEmpty Map<String, String> dataKeys,
        @NotBlank String currentDataKey,
        @NotBlank String indexKey,
        @NotBlank String auditKey) {

    public CryptoProperties {
        if (dataKeys != null && currentDataKey != null && !dataKeys.containsKey(currentDataKey)) {
            throw new IllegalArgumentException("baeum.auth.crypto.current-data-key names no key of data-keys");
        }
        if (dataKeys != null) {
            dataKeys.forEach((id, key) -> {
                if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                    throw new IllegalArgumentException("data key ids are 1-32 of [A-Za-z0-9_-]: " + id);
                }
                requireLength(key, 32, 32, "data-keys." + id);
            });
        }
        if (indexKey != null) {
            requireLength(indexKey, 32, 64, "index-key");
        }
        if (auditKey != null) {
            requireLength(auditKey, 32, 64, "audit-key");
        }
    }

    private static void requireLength(String base64, int min, int max, String name) {
        int length;
        try {
            length = Base64.getDecoder().decode(base64).length;
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("baeum.auth.crypto." + name + " is not base64");
        }
        if (length < min || length > max) {
            throw new IllegalArgumentException("baeum.auth.crypto." + name + " must be " + min + "-" + max + " bytes");
        }
    }
}

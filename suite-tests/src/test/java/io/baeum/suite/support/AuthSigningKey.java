package io.baeum.suite.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * auth-service's own signing key of the LOCAL suite, so that the hostile-token matrix can sign tokens
 * that are genuine in every respect but one (issuer, audience, expiry, type...): without it every
 * forged claim would be refused for its signature alone and those cases could not fail.
 *
 * <p>It is what an operator of the local suite holds: the private JWK stored in {@code baeum_auth}
 * ({@code signing_key.private_jwk_cipher}, AES-256-GCM with the field name as associated data,
 * docs/auth.md) and the LOCAL-ONLY data key of auth-service's {@code application-local.yml}
 * ({@code baeum.suite.auth-data-key} overrides it). Nothing here works against a real deployment.
 */
public final class AuthSigningKey {

    private static final String LOCAL_ONLY_DATA_KEY = "bG9jYWwtb25seS1kZXYta2V5LW5vdC1hLXNlY3JldCE=";
    private static final String FIELD = "signing_key.private";

    private AuthSigningKey() {
    }

    /** The private key auth-service signs with under {@code kid}. */
    public static RSAKey forKid(String kid) {
        List<String> rows = Databases.rows("baeum_auth", "SELECT private_jwk_cipher FROM signing_key WHERE kid = ?", kid);
        if (rows.size() != 1) {
            throw new IllegalStateException("no signing key " + kid + " in baeum_auth");
        }
        try {
            return RSAKey.parse(decrypt(rows.get(0)));
        } catch (ParseException e) {
            throw new IllegalStateException("signing key " + kid + " is not a JWK", e);
        }
    }

    private static String decrypt(String ciphertext) {
        byte[] key = Base64.getDecoder().decode(System.getProperty("baeum.suite.auth-data-key", LOCAL_ONLY_DATA_KEY));
        byte[] sealed = Base64.getUrlDecoder().decode(ciphertext.substring(ciphertext.indexOf('.') + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(FIELD.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key does not decrypt with the local data key", e);
        }
    }
}

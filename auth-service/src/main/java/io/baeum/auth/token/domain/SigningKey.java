package io.baeum.auth.token.domain;

import java.time.Instant;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * An RSA signing key: published in the JWKS from {@code createdAt}, signing from
 * {@code activatesAt}.
 */
public record SigningKey(String kid, RSAKey key, Instant createdAt, Instant activatesAt) {
}

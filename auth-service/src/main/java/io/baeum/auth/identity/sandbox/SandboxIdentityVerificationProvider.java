package io.baeum.auth.identity.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;

import reactor.core.publisher.Mono;

import io.baeum.auth.identity.domain.IdentityVerificationProvider;
import io.baeum.auth.identity.domain.VerifiedIdentity;

/**
 * Local runs only: every verification the server minted is VERIFIED at once, with a CI derived
 * from the id (so it is stable and obviously fake) and the placeholder phone 01000000000.
 */
public final class SandboxIdentityVerificationProvider implements IdentityVerificationProvider {

    private final Clock clock;

    public SandboxIdentityVerificationProvider(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Mono<VerifiedIdentity> fetch(String identityVerificationId) {
        return Mono.fromSupplier(() -> new VerifiedIdentity(identityVerificationId, true, null,
                "SANDBOX-CI-" + digest(identityVerificationId), "01000000000", null,
                "sandbox-" + identityVerificationId, clock.instant()));
    }

    private static String digest(String value) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}

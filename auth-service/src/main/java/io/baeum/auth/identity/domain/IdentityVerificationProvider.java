package io.baeum.auth.identity.domain;

import reactor.core.publisher.Mono;

/** The port to an identity-verification provider: fetch the result of a verification by id. */
public interface IdentityVerificationProvider {

    /** Provider name stored with the evidence. */
    String name();

    /**
     * The provider's record of {@code identityVerificationId}; {@code IDV_NOT_FOUND} if it has none,
     * {@code IDV_PROVIDER_UNAVAILABLE} if it cannot be asked.
     */
    Mono<VerifiedIdentity> fetch(String identityVerificationId);
}

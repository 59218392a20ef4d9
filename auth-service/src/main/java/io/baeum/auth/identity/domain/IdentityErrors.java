package io.baeum.auth.identity.domain;

import org.springframework.http.HttpStatus;

import io.baeum.common.web.DomainException;

public final class IdentityErrors {

    private IdentityErrors() {
    }

    public static DomainException notFound() {
        return new DomainException(HttpStatus.NOT_FOUND, "IDV_NOT_FOUND", "No such identity verification for this account.");
    }

    public static DomainException notVerified() {
        return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "IDV_NOT_VERIFIED",
                "The identity verification is not completed.");
    }

    public static DomainException mismatch() {
        return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "IDV_MISMATCH",
                "The identity verification does not belong to this request.");
    }

    public static DomainException alreadyUsed() {
        return new DomainException(HttpStatus.CONFLICT, "IDV_ALREADY_USED", "The identity verification was already used.");
    }

    public static DomainException providerUnavailable() {
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "IDV_PROVIDER_UNAVAILABLE",
                "The identity verification provider cannot be reached.");
    }
}

package io.baeum.auth.identity.domain;

import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

public final class IdentityErrors {

    private IdentityErrors() {
    }

    public static DomainException notFound() {
        return new DomainException(ErrorKind.NOT_FOUND, "IDV_NOT_FOUND", "No such identity verification for this account.");
    }

    public static DomainException notVerified() {
        return new DomainException(ErrorKind.RULE, "IDV_NOT_VERIFIED",
                "The identity verification is not completed.");
    }

    public static DomainException mismatch() {
        return new DomainException(ErrorKind.RULE, "IDV_MISMATCH",
                "The identity verification does not belong to this request.");
    }

    public static DomainException alreadyUsed() {
        return new DomainException(ErrorKind.CONFLICT, "IDV_ALREADY_USED", "The identity verification was already used.");
    }

    public static DomainException providerUnavailable() {
        return new DomainException(ErrorKind.UNAVAILABLE, "IDV_PROVIDER_UNAVAILABLE",
                "The identity verification provider cannot be reached.");
    }
}

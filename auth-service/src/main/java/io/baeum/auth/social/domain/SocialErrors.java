package io.baeum.auth.social.domain;

import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

public final class SocialErrors {

    private SocialErrors() {
    }

    public static DomainException unknownProvider(String provider) {
        return new DomainException(ErrorKind.NOT_FOUND, "SOCIAL_PROVIDER_UNKNOWN", "Unknown provider " + provider, provider);
    }

    public static DomainException invalidState() {
        return new DomainException(ErrorKind.INVALID, "SOCIAL_STATE_INVALID", "Unknown, expired or used sign-in request.");
    }

    public static DomainException emailMissing() {
        return new DomainException(ErrorKind.RULE, "SOCIAL_EMAIL_MISSING", "The provider shared no email.");
    }

    public static DomainException invalidLink() {
        return new DomainException(ErrorKind.INVALID, "SOCIAL_LINK_INVALID", "Unknown, expired or used link request.");
    }
}

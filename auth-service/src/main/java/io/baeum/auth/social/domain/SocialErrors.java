package io.baeum.auth.social.domain;

import org.springframework.http.HttpStatus;

import io.baeum.common.web.DomainException;

public final class SocialErrors {

    private SocialErrors() {
    }

    public static DomainException unknownProvider(String provider) {
        return new DomainException(HttpStatus.NOT_FOUND, "SOCIAL_PROVIDER_UNKNOWN", "Unknown provider " + provider, provider);
    }

    public static DomainException invalidState() {
        return new DomainException(HttpStatus.BAD_REQUEST, "SOCIAL_STATE_INVALID", "Unknown, expired or used sign-in request.");
    }

    public static DomainException providerError() {
        return new DomainException(HttpStatus.BAD_GATEWAY, "SOCIAL_PROVIDER_ERROR", "The provider did not confirm the sign-in.");
    }

    public static DomainException emailMissing() {
        return new DomainException(HttpStatus.UNPROCESSABLE_CONTENT, "SOCIAL_EMAIL_MISSING", "The provider shared no email.");
    }

    public static DomainException invalidLink() {
        return new DomainException(HttpStatus.BAD_REQUEST, "SOCIAL_LINK_INVALID", "Unknown, expired or used link request.");
    }
}

package io.baeum.auth.social.domain;

import org.jspecify.annotations.Nullable;

/** Who the provider says signed in (from its userinfo endpoint). */
public record SocialIdentity(String provider, String subject, @Nullable String email, boolean emailVerified,
        @Nullable String name) {
}

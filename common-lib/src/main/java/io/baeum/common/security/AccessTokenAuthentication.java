package io.baeum.common.security;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of a request that presented a valid, unrevoked access token. Its principal is
 * the {@link VerifiedAccessToken} (inject it with {@code @AuthenticationPrincipal}); its authorities
 * are the token's roles as {@code ROLE_<role>}.
 */
public final class AccessTokenAuthentication extends AbstractAuthenticationToken {

    private final VerifiedAccessToken token;

    /** An authenticated token for {@code token}. */
    public AccessTokenAuthentication(VerifiedAccessToken token) {
        super(authorities(token));
        this.token = token;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(VerifiedAccessToken token) {
        return token.roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    /** The verified token. */
    @Override
    public VerifiedAccessToken getPrincipal() {
        return token;
    }

    /** The token's subject (the user id). */
    @Override
    public String getName() {
        return token.subject();
    }

    /** Always {@code null}: the raw token is not kept once verified. */
    @Override
    public @Nullable Object getCredentials() {
        return null;
    }
}

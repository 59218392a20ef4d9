package io.baeum.heartbeat.playback.state;

import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

/**
 * The access token's login session ({@code sid}) is on the deny-list, found by the same Redis script that
 * loads the playback session. Answered exactly as the security chain answers a revoked token: 401
 * {@code UNAUTHORIZED}, "A valid access token is required.", {@code WWW-Authenticate: Bearer
 * error="invalid_token"}, {@code Cache-Control: no-store}; why the token was refused is not disclosed.
 */
public class LoginSessionRevokedException extends DomainException {

    public static final String WWW_AUTHENTICATE = "Bearer error=\"invalid_token\"";

    public LoginSessionRevokedException() {
        super(ErrorKind.UNAUTHENTICATED, "UNAUTHORIZED", "A valid access token is required.");
    }
}

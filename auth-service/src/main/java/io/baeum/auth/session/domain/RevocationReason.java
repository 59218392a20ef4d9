package io.baeum.auth.session.domain;

public enum RevocationReason {
    LOGOUT, PASSWORD_CHANGED, ACCOUNT_SUSPENDED, ACCOUNT_DELETED, REFRESH_TOKEN_REUSE
}

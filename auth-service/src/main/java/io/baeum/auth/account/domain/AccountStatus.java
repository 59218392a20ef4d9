package io.baeum.auth.account.domain;

public enum AccountStatus {
    ACTIVE, SUSPENDED, DELETED
}

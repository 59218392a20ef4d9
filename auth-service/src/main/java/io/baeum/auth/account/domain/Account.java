package io.baeum.auth.account.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A member. State changes are methods that enforce the rules and return the changed account.
 *
 * @param passwordHash argon2id PHC string, or {@code null} for accounts that have never set a password
 */
public record Account(
        UUID id,
        EmailAddress email,
        PersonName name,
        @Nullable PhoneNumber phone,
        @Nullable String passwordHash,
        Set<Role> roles,
        AccountStatus status,
        @Nullable Instant identityVerifiedAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant lastLoginAt) {

    public Account {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** A new trainee. */
    public static Account signUp(UUID id, EmailAddress email, PersonName name, @Nullable PhoneNumber phone,
            @Nullable String passwordHash, Instant now) {
        return new Account(id, email, name, phone, passwordHash, Set.of(Role.TRAINEE), AccountStatus.ACTIVE, null, now,
                now, null);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Account suspend(Instant now) {
        if (status != AccountStatus.ACTIVE) {
            throw AccountErrors.illegalTransition(status, "suspend");
        }
        return withStatus(AccountStatus.SUSPENDED, now);
    }

    public Account reactivate(Instant now) {
        if (status != AccountStatus.SUSPENDED) {
            throw AccountErrors.illegalTransition(status, "reactivate");
        }
        return withStatus(AccountStatus.ACTIVE, now);
    }

    public Account delete(Instant now) {
        if (status == AccountStatus.DELETED) {
            throw AccountErrors.illegalTransition(status, "delete");
        }
        return withStatus(AccountStatus.DELETED, now);
    }

    public Account grant(Role role, Instant now) {
        if (roles.contains(role)) {
            throw AccountErrors.roleAlreadyHeld(role);
        }
        Set<Role> more = EnumSet.copyOf(roles);
        more.add(role);
        return new Account(id, email, name, phone, passwordHash, more, status, identityVerifiedAt, createdAt, now,
                lastLoginAt);
    }

    public Account withPassword(String newHash, Instant now) {
        return new Account(id, email, name, phone, newHash, roles, status, identityVerifiedAt, createdAt, now,
                lastLoginAt);
    }

    public Account identityVerified(Instant at) {
        return new Account(id, email, name, phone, passwordHash, roles, status, at, createdAt, at, lastLoginAt);
    }

    private Account withStatus(AccountStatus newStatus, Instant now) {
        return new Account(id, email, name, phone, passwordHash, roles, newStatus, identityVerifiedAt, createdAt, now,
                lastLoginAt);
    }
}

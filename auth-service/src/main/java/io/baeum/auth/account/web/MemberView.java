package io.baeum.auth.account.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.auth.account.domain.Account;
import io.baeum.auth.account.domain.Role;

/** A member as the API shows it (to the member, or to an admin — the latter read is audited). */
public record MemberView(UUID id, String email, String name, @Nullable String phone, List<String> roles, String status,
        @Nullable Instant identityVerifiedAt, Instant createdAt, @Nullable Instant lastLoginAt) {

    static MemberView of(Account account) {
        return new MemberView(account.id(), account.email().value(), account.name().value(),
                account.phone() == null ? null : account.phone().value(),
                account.roles().stream().map(Role::name).sorted().toList(), account.status().name(),
                account.identityVerifiedAt(), account.createdAt(), account.lastLoginAt());
    }
}

package io.baeum.auth.account.domain;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A member's request for INSTRUCTOR or ADMIN, pending until an admin decides. */
public record RoleRequest(UUID id, UUID accountId, Role role, Status status, @Nullable String reason,
        Instant requestedAt, @Nullable Instant decidedAt, @Nullable UUID decidedBy) {

    public enum Status { PENDING, APPROVED, REJECTED }

    public static RoleRequest request(UUID id, Account account, Role role, Instant now) {
        if (!role.needsApproval()) {
            throw AccountErrors.roleNotRequestable(role);
        }
        if (account.hasRole(role)) {
            throw AccountErrors.roleAlreadyHeld(role);
        }
        return new RoleRequest(id, account.id(), role, Status.PENDING, null, now, null, null);
    }

    public RoleRequest approve(UUID admin, Instant now) {
        return decide(Status.APPROVED, admin, null, now);
    }

    public RoleRequest reject(UUID admin, @Nullable String why, Instant now) {
        return decide(Status.REJECTED, admin, why, now);
    }

    private RoleRequest decide(Status decision, UUID admin, @Nullable String why, Instant now) {
        if (status != Status.PENDING) {
            throw AccountErrors.roleRequestDecided();
        }
        return new RoleRequest(id, accountId, role, decision, why, requestedAt, now, admin);
    }
}

package io.baeum.auth.account.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.baeum.auth.account.domain.AccountErrors;
import io.baeum.auth.account.domain.Role;
import io.baeum.auth.account.domain.RoleRequest;

@Repository
public class RoleRequestStore {

    private final DatabaseClient db;

    RoleRequestStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<RoleRequest> insert(RoleRequest request) {
        return db.sql("INSERT INTO role_request (id, account_id, role, status, requested_at) "
                        + "VALUES (:id, :account, :role, :status, :at)")
                .bind("id", request.id()).bind("account", request.accountId()).bind("role", request.role().name())
                .bind("status", request.status().name()).bind("at", request.requestedAt().atOffset(ZoneOffset.UTC))
                .then()
                .onErrorMap(DuplicateKeyException.class, ex -> AccountErrors.roleRequestPending(request.role()))
                .thenReturn(request);
    }

    public Mono<RoleRequest> update(RoleRequest request) {
        return db.sql("UPDATE role_request SET status = :status, reason = :reason, decided_at = :at, decided_by = :by "
                        + "WHERE id = :id")
                .bind("id", request.id()).bind("status", request.status().name())
                .bind("reason", Parameter.fromOrEmpty(request.reason(), String.class))
                .bind("at", request.decidedAt().atOffset(ZoneOffset.UTC))
                .bind("by", request.decidedBy())
                .then().thenReturn(request);
    }

    /** Locks the request for a decision. */
    public Mono<RoleRequest> findForUpdate(UUID id) {
        return db.sql("SELECT * FROM role_request WHERE id = :id FOR UPDATE").bind("id", id)
                .map(RoleRequestStore::toRequest).one();
    }

    public Flux<RoleRequest> ofAccount(UUID accountId) {
        return db.sql("SELECT * FROM role_request WHERE account_id = :account ORDER BY requested_at DESC")
                .bind("account", accountId).map(RoleRequestStore::toRequest).all();
    }

    public Flux<RoleRequest> byStatus(RoleRequest.@Nullable Status status, int page, int size) {
        return db.sql("SELECT * FROM role_request WHERE (:status::text IS NULL OR status = :status::text) "
                        + "ORDER BY requested_at, id LIMIT :limit OFFSET :offset")
                .bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
                .bind("limit", size).bind("offset", (long) page * size)
                .map(RoleRequestStore::toRequest).all();
    }

    private static RoleRequest toRequest(Readable row) {
        OffsetDateTime decided = row.get("decided_at", OffsetDateTime.class);
        return new RoleRequest(row.get("id", UUID.class), row.get("account_id", UUID.class),
                Role.valueOf(row.get("role", String.class)), RoleRequest.Status.valueOf(row.get("status", String.class)),
                row.get("reason", String.class), row.get("requested_at", OffsetDateTime.class).toInstant(),
                decided == null ? null : decided.toInstant(), row.get("decided_by", UUID.class));
    }
}

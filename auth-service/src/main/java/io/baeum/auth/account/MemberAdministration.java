package io.baeum.auth.account;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.baeum.auth.account.domain.Account;
import io.baeum.auth.account.domain.AccountErrors;
import io.baeum.auth.account.domain.EmailAddress;
import io.baeum.auth.account.domain.PersonName;
import io.baeum.auth.account.domain.PhoneNumber;
import io.baeum.auth.account.domain.RoleRequest;
import io.baeum.auth.account.persistence.AccountStore;
import io.baeum.auth.account.persistence.MemberQuery;
import io.baeum.auth.account.persistence.RoleRequestStore;
import io.baeum.auth.audit.AuditLog;
import io.baeum.auth.audit.domain.AuditEntry;
import io.baeum.auth.session.SessionService;
import io.baeum.auth.session.domain.RevocationReason;
import io.baeum.auth.shared.ClientInfo;
import io.baeum.common.error.DomainException;
import io.baeum.common.error.ErrorKind;

/**
 * What an admin does with members. Every read of personal data and every change is written to the
 * audit log in the same transaction as the change.
 */
@Service
public class MemberAdministration {

    private final AccountStore accounts;
    private final RoleRequestStore roleRequests;
    private final SessionService sessions;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    MemberAdministration(AccountStore accounts, RoleRequestStore roleRequests, SessionService sessions, AuditLog audit,
            TransactionalOperator tx, Clock clock) {
        this.accounts = accounts;
        this.roleRequests = roleRequests;
        this.sessions = sessions;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Searches members; the read is audited with the ids of the members shown. */
    public Mono<AccountStore.MemberPage> search(MemberQuery query, Admin admin) {
        MemberQuery normalised = new MemberQuery(
                query.email() == null ? null : EmailAddress.parse(query.email()).value(),
                query.phone() == null ? null : PhoneNumber.parse(query.phone()).value(),
                query.namePrefix(), query.role(), query.status(), query.page(), query.size(), query.sort(),
                query.ascending());
        if (normalised.namePrefix() != null && PersonName.parse(normalised.namePrefix()).searchForm()
                .codePointCount(0, PersonName.parse(normalised.namePrefix()).searchForm().length()) < 2) {
            return Mono.error(new DomainException(ErrorKind.INVALID, "NAME_PREFIX_TOO_SHORT",
                    "A name prefix needs at least two characters."));
        }
        return accounts.search(normalised).flatMap(page -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("filters", filters(normalised));
            detail.put("shown", page.items().stream().map(a -> a.id().toString()).toList());
            return audit.record(new AuditEntry(admin.id(), admin.ip(), "MEMBER_SEARCH", null, detail)).thenReturn(page);
        });
    }

    private static List<String> filters(MemberQuery query) {
        // which filters were used, never their values (they are personal data)
        List<String> used = new java.util.ArrayList<>();
        if (query.email() != null) used.add("email");
        if (query.phone() != null) used.add("phone");
        if (query.namePrefix() != null) used.add("namePrefix");
        if (query.role() != null) used.add("role=" + query.role());
        if (query.status() != null) used.add("status=" + query.status());
        return used;
    }

    public Mono<Account> view(UUID accountId, Admin admin) {
        return accounts.findById(accountId)
                .switchIfEmpty(Mono.error(AccountErrors::accountNotFound))
                .flatMap(account -> audit.record(new AuditEntry(admin.id(), admin.ip(), "MEMBER_VIEWED", accountId,
                        Map.of("fields", List.of("email", "name", "phone")))).thenReturn(account));
    }

    public Mono<Account> suspend(UUID accountId, Admin admin) {
        return change(accountId, admin, "MEMBER_SUSPENDED", (account, now) -> account.suspend(now),
                RevocationReason.ACCOUNT_SUSPENDED);
    }

    public Mono<Account> reactivate(UUID accountId, Admin admin) {
        return change(accountId, admin, "MEMBER_REACTIVATED", (account, now) -> account.reactivate(now), null);
    }

    public Mono<Account> delete(UUID accountId, Admin admin) {
        return change(accountId, admin, "MEMBER_DELETED", (account, now) -> account.delete(now),
                RevocationReason.ACCOUNT_DELETED);
    }

    private Mono<Account> change(UUID accountId, Admin admin, String action,
            BiFunction<Account, java.time.Instant, Account> rule, @Nullable RevocationReason revoke) {
        if (revoke != null && accountId.equals(admin.id())) {
            return Mono.error(AccountErrors.cannotChangeOwnAccount());
        }
        return accounts.findById(accountId)
                .switchIfEmpty(Mono.error(AccountErrors::accountNotFound))
                .flatMap(account -> {
                    Account changed = rule.apply(account, clock.instant());
                    Mono<Long> revoked = revoke == null ? Mono.just(0L) : sessions.revokeAll(accountId, revoke);
                    return accounts.update(changed)
                            .then(revoked)
                            .flatMap(n -> audit.record(new AuditEntry(admin.id(), admin.ip(), action, accountId,
                                    Map.of("from", account.status().name(), "to", changed.status().name(),
                                            "sessionsRevoked", n))))
                            .thenReturn(changed);
                })
                .as(tx::transactional);
    }

    public Flux<RoleRequest> roleRequests(RoleRequest.@Nullable Status status, int page, int size) {
        return roleRequests.byStatus(status, page, size);
    }

    /** Approves or rejects a role request; an approval grants the role (P3: audited). */
    public Mono<RoleRequest> decide(UUID requestId, boolean approve, @Nullable String reason, Admin admin) {
        return roleRequests.findForUpdate(requestId)
                .switchIfEmpty(Mono.error(AccountErrors::roleRequestNotFound))
                .flatMap(request -> {
                    RoleRequest decided = approve ? request.approve(admin.id(), clock.instant())
                            : request.reject(admin.id(), reason, clock.instant());
                    Mono<Void> grant = !approve ? Mono.empty()
                            : accounts.findById(request.accountId())
                                    .flatMap(account -> accounts.update(account.grant(request.role(), clock.instant())))
                                    .then();
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("role", request.role().name());
                    detail.put("requestId", request.id().toString());
                    if (reason != null) {
                        detail.put("reason", reason);
                    }
                    return roleRequests.update(decided).then(grant)
                            .then(audit.record(new AuditEntry(admin.id(), admin.ip(),
                                    approve ? "ROLE_GRANTED" : "ROLE_REQUEST_REJECTED", request.accountId(), detail)))
                            .thenReturn(decided);
                })
                .as(tx::transactional);
    }

    /**
     * Imports members from an .xlsx. Each row is created (a trainee without a password, who signs
     * in after a password reset or a social login by the same verified email), skipped because a
     * member with the email exists (also a repeat within the file), or rejected with the reason. A
     * second import of the same file creates nothing.
     */
    public Mono<MemberImportReport> importMembers(byte[] xlsx, Admin admin) {
        return Mono.fromCallable(() -> MemberSheet.read(xlsx))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .flatMap(lines -> {
                    Set<String> seen = new HashSet<>();
                    return Flux.fromIterable(lines).concatMap(line -> importLine(line, seen)).collectList();
                })
                .flatMap(rows -> {
                    int created = (int) rows.stream().filter(r -> r.outcome() == MemberImportReport.Outcome.CREATED).count();
                    int skipped = (int) rows.stream().filter(r -> r.outcome() == MemberImportReport.Outcome.SKIPPED_EXISTS).count();
                    MemberImportReport report = new MemberImportReport(rows.size(), created, skipped,
                            rows.size() - created - skipped, rows);
                    return audit.record(new AuditEntry(admin.id(), admin.ip(), "MEMBER_IMPORT", null,
                            Map.of("total", report.total(), "created", created, "skipped", skipped,
                                    "rejected", report.rejected(),
                                    "createdIds", rows.stream().filter(r -> r.outcome() == MemberImportReport.Outcome.CREATED)
                                            .map(r -> String.valueOf(r.accountId())).toList())))
                            .thenReturn(report);
                });
    }

    private Mono<MemberImportReport.Row> importLine(MemberSheet.Line line, Set<String> seen) {
        EmailAddress email;
        PersonName name;
        PhoneNumber phone;
        try {
            email = EmailAddress.parse(line.email());
            name = PersonName.parse(line.name());
            phone = PhoneNumber.parse(line.phone());
        }
        catch (DomainException ex) {
            return Mono.just(new MemberImportReport.Row(line.row(), MemberImportReport.Outcome.REJECTED, ex.code(), null));
        }
        if (!seen.add(email.value())) {
            return Mono.just(new MemberImportReport.Row(line.row(), MemberImportReport.Outcome.SKIPPED_EXISTS,
                    "DUPLICATE_IN_FILE", null));
        }
        return accounts.findByEmail(email)
                .map(existing -> new MemberImportReport.Row(line.row(), MemberImportReport.Outcome.SKIPPED_EXISTS,
                        "EMAIL_TAKEN", existing.id()))
                .switchIfEmpty(Mono.defer(() -> accounts.insert(Account.signUp(UUID.randomUUID(), email, name, phone, null,
                                clock.instant()))
                        .map(created -> new MemberImportReport.Row(line.row(), MemberImportReport.Outcome.CREATED, null,
                                created.id()))
                        .onErrorResume(DomainException.class, ex -> Mono.just(new MemberImportReport.Row(line.row(),
                                MemberImportReport.Outcome.SKIPPED_EXISTS, ex.code(), null)))));
    }

    /** The admin acting, and from where. */
    public record Admin(UUID id, String ip) {
    }
}

package io.baeum.auth.account;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.baeum.auth.account.domain.Account;
import io.baeum.auth.account.domain.EmailAddress;
import io.baeum.auth.account.domain.PasswordPolicy;
import io.baeum.auth.account.domain.PersonName;
import io.baeum.auth.account.domain.PhoneNumber;
import io.baeum.auth.account.domain.Role;
import io.baeum.auth.account.persistence.AccountStore;
import io.baeum.auth.audit.AuditLog;
import io.baeum.auth.audit.domain.AuditEntry;

/** Accounts created by the system on start: the first admin, demo accounts. */
@Service
public class AccountBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    private static final long BOOTSTRAP_LOCK = 0x626f_6f74L;

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final org.springframework.r2dbc.core.DatabaseClient db;
    private final Clock clock;

    AccountBootstrap(AccountStore accounts, PasswordHasher hasher, AuditLog audit, TransactionalOperator tx,
            org.springframework.r2dbc.core.DatabaseClient db, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.audit = audit;
        this.tx = tx;
        this.db = db;
        this.clock = clock;
    }

    /** Creates the configured admin unless an active admin exists (several instances: one wins). */
    public Mono<Void> ensureFirstAdmin(String rawEmail, String password, String rawName, String rawPhone) {
        EmailAddress email = EmailAddress.parse(rawEmail);
        PersonName name = PersonName.parse(rawName);
        PasswordPolicy.check(password, email, name);
        return hasher.hash(password).flatMap(hash -> db.sql("SELECT pg_advisory_xact_lock(:lock)")
                        .bind("lock", BOOTSTRAP_LOCK).then()
                        .then(accounts.countWithRole(Role.ADMIN))
                        .flatMap(admins -> admins > 0 ? Mono.<Void>empty() : create(email, name, rawPhone, hash, Role.ADMIN)
                                .doOnNext(a -> log.info("first admin created from configuration: {}", a.id()))
                                .then())
                        .as(tx::transactional));
    }

    /** Creates (or resets the password of) a demo account with {@code role}. */
    public Mono<Void> ensureDemoAccount(String rawEmail, String password, Role role) {
        EmailAddress email = EmailAddress.parse(rawEmail);
        return hasher.hash(password).flatMap(hash -> accounts.findByEmail(email)
                .flatMap(existing -> accounts.update(existing.withPassword(hash, clock.instant())))
                .switchIfEmpty(Mono.defer(() -> create(email, PersonName.parse("Demo " + role.name().toLowerCase()),
                        "01000000000", hash, role)))
                .then());
    }

    private Mono<Account> create(EmailAddress email, PersonName name, String phone, String hash, Role role) {
        Account account = Account.signUp(UUID.randomUUID(), email, name, PhoneNumber.parse(phone), hash, clock.instant());
        Account withRole = role == Role.TRAINEE ? account : account.grant(role, clock.instant());
        return accounts.insert(withRole)
                .flatMap(created -> audit.record(new AuditEntry(null, null, "ROLE_GRANTED", created.id(),
                        Map.of("role", role.name(), "by", "bootstrap"))).thenReturn(created));
    }
}

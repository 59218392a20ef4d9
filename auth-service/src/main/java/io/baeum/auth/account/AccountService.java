package io.baeum.auth.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.baeum.auth.account.domain.Account;
import io.baeum.auth.account.domain.AccountErrors;
import io.baeum.auth.account.domain.AccountStatus;
import io.baeum.auth.account.domain.EmailAddress;
import io.baeum.auth.account.domain.PasswordPolicy;
import io.baeum.auth.account.domain.PersonName;
import io.baeum.auth.account.domain.PhoneNumber;
import io.baeum.auth.account.domain.Role;
import io.baeum.auth.account.domain.RoleRequest;
import io.baeum.auth.account.persistence.AccountStore;
import io.baeum.auth.account.persistence.RoleRequestStore;
import io.baeum.auth.audit.AuditLog;
import io.baeum.auth.audit.domain.AuditEntry;
import io.baeum.auth.pii.BlindIndex;
import io.baeum.auth.session.LoginThrottle;
import io.baeum.auth.session.SessionService;
import io.baeum.auth.session.SessionSubject;
import io.baeum.auth.session.TokenPair;
import io.baeum.auth.session.domain.RevocationReason;
import io.baeum.auth.shared.ClientInfo;
import io.baeum.auth.terms.TermsService;
import io.baeum.auth.terms.domain.TermRef;

/** What a member does with their own account: sign up, sign in, change password, ask for a role. */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final AccountStore accounts;
    private final RoleRequestStore roleRequests;
    private final PasswordHasher hasher;
    private final BlindIndex index;
    private final LoginThrottle throttle;
    private final SessionService sessions;
    private final TermsService terms;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    AccountService(AccountStore accounts, RoleRequestStore roleRequests, PasswordHasher hasher, BlindIndex index,
            LoginThrottle throttle, SessionService sessions, TermsService terms, AuditLog audit, TransactionalOperator tx,
            Clock clock) {
        this.accounts = accounts;
        this.roleRequests = roleRequests;
        this.hasher = hasher;
        this.index = index;
        this.throttle = throttle;
        this.sessions = sessions;
        this.terms = terms;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Signs a new trainee up. Every check runs before anything is written. */
    public Mono<Account> signUp(String rawEmail, String password, String rawName, String rawPhone, List<TermRef> agreed,
            ClientInfo client) {
        return Mono.defer(() -> {
            EmailAddress email = EmailAddress.parse(rawEmail);
            PersonName name = PersonName.parse(rawName);
            PhoneNumber phone = PhoneNumber.parse(rawPhone);
            PasswordPolicy.check(password, email, name);
            return terms.checkSignUp(agreed).flatMap(agreedTerms -> hasher.hash(password).flatMap(hash -> {
                Account account = Account.signUp(UUID.randomUUID(), email, name, phone, hash, clock.instant());
                return accounts.insert(account)
                        .flatMap(created -> terms.recordAgreements(created.id(), agreedTerms, client).thenReturn(created))
                        .as(tx::transactional);
            }));
        });
    }

    /**
     * Signs in with email and password. Unknown email, wrong password, an account without a password
     * or a deleted one all answer {@code INVALID_CREDENTIALS} after the same argon2 work; failures
     * are throttled per account and per IP (A7).
     */
    public Mono<TokenPair> logIn(String rawEmail, String password, ClientInfo client) {
        return Mono.defer(() -> {
            EmailAddress email = parseOrNull(rawEmail);
            byte[] accountKey = index.email(email != null ? email.value() : String.valueOf(rawEmail).strip().toLowerCase());
            return throttle.checkAllowed(accountKey, client.ip())
                    .then(email == null ? Mono.<Account>empty() : accounts.findByEmail(email))
                    .map(java.util.Optional::of)
                    .defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(found -> {
                        Account account = found.orElse(null);
                        String hash = account == null || account.status() == AccountStatus.DELETED ? null
                                : account.passwordHash();
                        return hasher.matches(password == null ? "" : password, hash).flatMap(matches -> {
                            if (!matches || account == null) {
                                return throttle.recordFailure(accountKey, client.ip())
                                        .then(Mono.error(AccountErrors.invalidCredentials()));
                            }
                            if (account.status() == AccountStatus.SUSPENDED) {
                                return Mono.error(AccountErrors.accountSuspended());
                            }
                            return throttle.recordSuccess(accountKey)
                                    .then(rehashIfNeeded(account, password))
                                    .then(accounts.recordLogin(account.id(), clock.instant()))
                                    .then(sessions.open(subject(account), "PASSWORD", client));
                        });
                    });
        });
    }

    private Mono<Void> rehashIfNeeded(Account account, String password) {
        if (account.passwordHash() == null || !hasher.needsRehash(account.passwordHash())) {
            return Mono.empty();
        }
        return hasher.hash(password).flatMap(hash -> accounts.update(account.withPassword(hash, clock.instant()))).then();
    }

    public Mono<Account> me(UUID accountId) {
        return accounts.findById(accountId)
                .filter(account -> account.status() != AccountStatus.DELETED)
                .switchIfEmpty(Mono.error(AccountErrors::accountNotFound));
    }

    /** Changes the password and revokes every session of the account (A3). */
    public Mono<Long> changePassword(UUID accountId, String current, String next, ClientInfo client) {
        return me(accountId).flatMap(account -> hasher.matches(current == null ? "" : current, account.passwordHash())
                .flatMap(matches -> {
                    if (!matches) {
                        return Mono.error(AccountErrors.wrongPassword());
                    }
                    PasswordPolicy.check(next, account.email(), account.name());
                    return hasher.hash(next).flatMap(hash -> accounts.update(account.withPassword(hash, clock.instant()))
                            .then(sessions.revokeAll(accountId, RevocationReason.PASSWORD_CHANGED))
                            .flatMap(revoked -> audit.record(new AuditEntry(accountId, client.ip(), "PASSWORD_CHANGED",
                                    accountId, Map.of("sessionsRevoked", revoked))).thenReturn(revoked))
                            .as(tx::transactional));
                }));
    }

    /** Asks for INSTRUCTOR or ADMIN; the request waits for an admin. */
    public Mono<RoleRequest> requestRole(UUID accountId, Role role, ClientInfo client) {
        return me(accountId).flatMap(account -> {
            RoleRequest request = RoleRequest.request(UUID.randomUUID(), account, role, clock.instant());
            return roleRequests.insert(request)
                    .flatMap(saved -> audit.record(new AuditEntry(accountId, client.ip(), "ROLE_REQUESTED", accountId,
                            Map.of("role", role.name(), "requestId", saved.id().toString()))).thenReturn(saved))
                    .as(tx::transactional);
        });
    }

    public Flux<RoleRequest> roleRequestsOf(UUID accountId) {
        return roleRequests.ofAccount(accountId);
    }

    /** Checks a member's password (e.g. to prove ownership before linking a social identity). */
    public Mono<Boolean> passwordMatches(UUID accountId, String password) {
        return accounts.findById(accountId).flatMap(account -> hasher.matches(password,
                account.isActive() ? account.passwordHash() : null));
    }

    public Mono<Account> findByEmail(EmailAddress email) {
        return accounts.findByEmail(email);
    }

    /** Creates an account without a password (social sign-up), with its agreements. */
    public Mono<Account> createWithoutPassword(EmailAddress email, PersonName name, @Nullable PhoneNumber phone,
            List<TermRef> agreed, ClientInfo client) {
        return terms.checkSignUp(agreed).flatMap(agreedTerms -> {
            Account account = Account.signUp(UUID.randomUUID(), email, name, phone, null, clock.instant());
            return accounts.insert(account)
                    .flatMap(created -> terms.recordAgreements(created.id(), agreedTerms, client).thenReturn(created))
                    .as(tx::transactional);
        });
    }

    /** Records a successful identity verification on the account (CI encrypted + blind index). */
    public Mono<Void> recordIdentity(UUID accountId, String ci, Instant at) {
        return accounts.recordIdentity(accountId, ci, at);
    }

    public Mono<Void> recordLogin(UUID accountId) {
        return accounts.recordLogin(accountId, clock.instant());
    }

    public Mono<SessionSubject> subject(UUID accountId) {
        return accounts.findById(accountId).map(AccountService::subject);
    }

    public static SessionSubject subject(Account account) {
        return new SessionSubject(account.id(), account.roles().stream().map(Role::name).sorted().toList(),
                account.isActive(), account.identityVerifiedAt());
    }

    private static @Nullable EmailAddress parseOrNull(@Nullable String raw) {
        try {
            return EmailAddress.parse(raw);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }
}

package io.baeum.auth.social;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.util.UriComponentsBuilder;

import io.baeum.auth.account.AccountService;
import io.baeum.auth.account.domain.Account;
import io.baeum.auth.account.domain.AccountErrors;
import io.baeum.auth.account.domain.AccountStatus;
import io.baeum.auth.account.domain.EmailAddress;
import io.baeum.auth.account.domain.PersonName;
import io.baeum.auth.audit.AuditLog;
import io.baeum.auth.audit.domain.AuditEntry;
import io.baeum.auth.session.SessionService;
import io.baeum.auth.session.TokenPair;
import io.baeum.auth.shared.ClientInfo;
import io.baeum.auth.social.domain.Pkce;
import io.baeum.auth.social.domain.SocialErrors;
import io.baeum.auth.social.domain.SocialIdentity;
import io.baeum.auth.social.persistence.SocialStore;
import io.baeum.auth.terms.domain.TermRef;

/**
 * Social login through the authorization-code flow with PKCE (S256), state and nonce. A social
 * identity signs into the account it is linked to; otherwise it is linked to the account with the
 * same email only with proof — the provider vouching the email is verified, or the account's
 * password through a single-use link ticket — and with no such account a new one is created.
 */
@Service
public class SocialLoginService {

    private static final Duration LINK_TICKET_TTL = Duration.ofMinutes(10);

    private final SocialLoginProperties properties;
    private final OidcProviderClient providers;
    private final SocialStore store;
    private final AccountService accounts;
    private final SessionService sessions;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    SocialLoginService(SocialLoginProperties properties, OidcProviderClient providers, SocialStore store,
            AccountService accounts, SessionService sessions, AuditLog audit, TransactionalOperator tx, Clock clock) {
        this.properties = properties;
        this.providers = providers;
        this.store = store;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public record Authorization(String authorizationUrl, String state) {
    }

    public enum Outcome { LOGGED_IN, LINKED, CREATED, LINK_REQUIRED }

    /** The result of a callback: tokens, or a link ticket to prove the existing account's password. */
    public record Result(Outcome outcome, @Nullable TokenPair tokens, @Nullable String linkTicket) {
    }

    public Mono<Authorization> authorize(String name) {
        SocialLoginProperties.Provider provider = provider(name);
        String state = Pkce.randomValue();
        String nonce = Pkce.randomValue();
        String verifier = Pkce.randomValue();
        Instant now = clock.instant();
        return providers.discover(name, provider).flatMap(discovery -> store.insertAttempt(state, name, verifier, nonce,
                        provider.redirectUri().toString(), now, now.plus(properties.attemptTtl()))
                .thenReturn(new Authorization(UriComponentsBuilder.fromUriString(discovery.authorizationEndpoint())
                        .queryParam("response_type", "code")
                        .queryParam("client_id", provider.clientId())
                        .queryParam("redirect_uri", provider.redirectUri())
                        .queryParam("scope", String.join(" ", provider.scopes()))
                        .queryParam("state", state)
                        .queryParam("nonce", nonce)
                        .queryParam("code_challenge", Pkce.challenge(verifier))
                        .queryParam("code_challenge_method", "S256")
                        .encode().build().toUriString(), state)));
    }

    public Mono<Result> callback(String name, String code, String state, List<TermRef> agreed, ClientInfo client) {
        SocialLoginProperties.Provider provider = provider(name);
        return store.consumeAttempt(state, name, clock.instant())
                .switchIfEmpty(Mono.error(SocialErrors::invalidState))
                .flatMap(attempt -> providers.exchange(name, provider, code, attempt.codeVerifier(), attempt.redirectUri()))
                .flatMap(identity -> resolve(identity, agreed, client));
    }

    private Mono<Result> resolve(SocialIdentity identity, List<TermRef> agreed, ClientInfo client) {
        return store.linkedAccount(identity.provider(), identity.subject())
                .flatMap(accountId -> accounts.me(accountId).flatMap(account -> signIn(account, Outcome.LOGGED_IN, client)))
                .switchIfEmpty(Mono.defer(() -> {
                    if (identity.email() == null) {
                        return Mono.error(SocialErrors.emailMissing());
                    }
                    EmailAddress email = EmailAddress.parse(identity.email());
                    return accounts.findByEmail(email)
                            .flatMap(existing -> identity.emailVerified()
                                    ? link(identity, existing.id(), client).then(signIn(existing, Outcome.LINKED, client))
                                    : ticket(identity, existing.id()))
                            .switchIfEmpty(Mono.defer(() -> create(identity, email, agreed, client)));
                }));
    }

    private Mono<Result> create(SocialIdentity identity, EmailAddress email, List<TermRef> agreed, ClientInfo client) {
        PersonName name = PersonName.parse(identity.name() != null ? identity.name() : email.localPart().replaceAll("[^\\p{L}]", "") + "회원");
        return accounts.createWithoutPassword(email, name, null, agreed, client)
                .flatMap(account -> link(identity, account.id(), client).then(signIn(account, Outcome.CREATED, client)));
    }

    private Mono<Result> ticket(SocialIdentity identity, UUID accountId) {
        String ticket = Pkce.randomValue();
        return store.insertTicket(Pkce.sha256(ticket), identity.provider(), identity.subject(), accountId,
                        clock.instant().plus(LINK_TICKET_TTL))
                .thenReturn(new Result(Outcome.LINK_REQUIRED, null, ticket));
    }

    /** Proves the existing account's password and links the social identity to it (single-use ticket). */
    public Mono<Result> link(String ticket, String password, ClientInfo client) {
        return store.consumeTicket(Pkce.sha256(ticket), clock.instant())
                .switchIfEmpty(Mono.error(SocialErrors::invalidLink))
                .flatMap(found -> accounts.passwordMatches(found.accountId(), password).flatMap(matches -> !matches
                        ? Mono.error(AccountErrors.invalidCredentials())
                        : link(new SocialIdentity(found.provider(), found.subject(), null, false, null), found.accountId(),
                                client).then(accounts.me(found.accountId()))
                                .flatMap(account -> signIn(account, Outcome.LINKED, client))));
    }

    private Mono<Void> link(SocialIdentity identity, UUID accountId, ClientInfo client) {
        return store.link(identity.provider(), identity.subject(), accountId, clock.instant())
                .then(audit.record(new AuditEntry(accountId, client.ip(), "SOCIAL_IDENTITY_LINKED", accountId,
                        Map.of("provider", identity.provider()))))
                .as(tx::transactional);
    }

    private Mono<Result> signIn(Account account, Outcome outcome, ClientInfo client) {
        if (account.status() == AccountStatus.SUSPENDED) {
            return Mono.error(AccountErrors.accountSuspended());
        }
        return accounts.recordLogin(account.id())
                .then(sessions.open(AccountService.subject(account), "SOCIAL", client))
                .map(tokens -> new Result(outcome, tokens, null));
    }

    private SocialLoginProperties.Provider provider(String name) {
        SocialLoginProperties.Provider provider = properties.providers().get(name);
        if (provider == null) {
            throw SocialErrors.unknownProvider(name);
        }
        return provider;
    }
}

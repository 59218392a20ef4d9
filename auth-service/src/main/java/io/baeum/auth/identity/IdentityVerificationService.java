package io.baeum.auth.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.baeum.auth.account.AccountService;
import io.baeum.auth.audit.AuditLog;
import io.baeum.auth.audit.domain.AuditEntry;
import io.baeum.auth.identity.domain.IdentityErrors;
import io.baeum.auth.identity.domain.IdentityVerificationProvider;
import io.baeum.auth.identity.domain.VerifiedIdentity;
import io.baeum.auth.identity.persistence.IdentityVerificationStore;
import io.baeum.auth.session.SessionService;
import io.baeum.auth.session.TokenPair;
import io.baeum.auth.shared.ClientInfo;

/**
 * 본인인증: the server mints the verification id for the member, the browser completes it with the
 * provider, and the server fetches the result itself, checks it is VERIFIED and is this member's
 * request, keeps the evidence, and issues fresh tokens carrying {@code idv_at} (step-up).
 */
@Service
public class IdentityVerificationService {

    private final IdentityVerificationProvider provider;
    private final IdentityVerificationStore store;
    private final AccountService accounts;
    private final SessionService sessions;
    private final AuditLog audit;
    private final IdentityVerificationProperties properties;
    private final TransactionalOperator tx;
    private final Clock clock;

    IdentityVerificationService(IdentityVerificationProvider provider, IdentityVerificationStore store,
            AccountService accounts, SessionService sessions, AuditLog audit, IdentityVerificationProperties properties,
            TransactionalOperator tx, Clock clock) {
        this.provider = provider;
        this.store = store;
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
    }

    /** What the browser needs to open the provider's verification window. */
    public record Started(String identityVerificationId, String provider, @Nullable String storeId,
            @Nullable String channelKey, String customerId) {
    }

    public Mono<Started> start(UUID accountId) {
        String id = "idv-" + UUID.randomUUID();
        return store.request(id, accountId, provider.name(), clock.instant())
                .thenReturn(new Started(id, provider.name(), properties.portone().storeId(),
                        properties.portone().channelKey(), accountId.toString()));
    }

    public Mono<TokenPair> complete(UUID accountId, UUID sessionId, String id, ClientInfo client) {
        return store.statusForUpdate(id, accountId)
                .switchIfEmpty(Mono.error(IdentityErrors::notFound))
                .flatMap(status -> !"REQUESTED".equals(status) ? Mono.error(IdentityErrors.alreadyUsed())
                        : provider.fetch(id).flatMap(identity -> record(accountId, id, identity, client)))
                .as(tx::transactional)
                .then(accounts.subject(accountId))
                .flatMap(subject -> sessions.reissue(sessionId, subject));
    }

    private Mono<Void> record(UUID accountId, String id, VerifiedIdentity identity, ClientInfo client) {
        if (!id.equals(identity.id()) || (identity.customerId() != null && !identity.customerId().equals(accountId.toString()))) {
            return Mono.error(IdentityErrors.mismatch());
        }
        if (!identity.verified() || identity.ci() == null) {
            return Mono.error(IdentityErrors.notVerified());
        }
        Instant at = identity.verifiedAt() == null ? clock.instant() : identity.verifiedAt();
        String tx = identity.pgTxId() == null ? id : identity.pgTxId();
        return store.verified(id, tx, at, identity.ci(), identity.phone())
                .then(accounts.recordIdentity(accountId, identity.ci(), at))
                .then(audit.record(new AuditEntry(accountId, client.ip(), "IDENTITY_VERIFIED", accountId,
                        Map.of("provider", provider.name(), "providerTxId", tx, "identityVerificationId", id))));
    }
}

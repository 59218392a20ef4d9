package io.baeum.auth.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.baeum.auth.audit.domain.AuditChain;
import io.baeum.auth.audit.domain.AuditEntry;
import io.baeum.auth.audit.domain.AuditEvent;
import io.baeum.auth.audit.persistence.AuditStore;
import io.baeum.auth.pii.CryptoProperties;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log (P2, P3): privileged actions and admin reads of personal data, append-only (a
 * trigger refuses UPDATE and DELETE) and hash-chained.
 */
@Service
public class AuditLog {

    private final AuditStore store;
    private final AuditChain chain;
    private final TransactionalOperator tx;
    private final Clock clock;

    private final JsonMapper json;

    AuditLog(AuditStore store, CryptoProperties crypto, TransactionalOperator tx, Clock clock, JsonMapper json) {
        this.store = store;
        this.json = json;
        this.chain = new AuditChain(Base64.getDecoder().decode(crypto.auditKey()));
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Appends {@code entry}. Joins the caller's transaction when there is one (so the record exists
     * exactly when the action happened), otherwise runs in its own.
     */
    public Mono<Void> record(AuditEntry entry) {
        String detail = json.writeValueAsString(new java.util.TreeMap<>(entry.detail()));
        return store.lockTail().flatMap(tail -> {
            long seq = tail.seq() + 1;
            String prev = tail.hash() == null ? AuditChain.GENESIS : tail.hash();
            Instant at = AuditChain.truncate(clock.instant());
            String hash = chain.hash(prev, seq, at, entry.actorId(), entry.actorIp(), entry.action(),
                    entry.targetAccountId(), detail);
            return store.insert(new AuditEvent(seq, at, entry.actorId(), entry.actorIp(), entry.action(),
                    entry.targetAccountId(), detail, prev, hash));
        }).as(tx::transactional);
    }

    public Mono<List<AuditEvent>> query(@Nullable UUID actor, @Nullable UUID target, @Nullable String action,
            @Nullable Instant from, @Nullable Instant to, int page, int size) {
        return store.query(actor, target, action, from, to, page, size).collectList();
    }

    /** Walks the whole chain and reports the first row that does not verify. */
    public Mono<ChainVerification> verify() {
        AtomicReference<String> expectedPrev = new AtomicReference<>(AuditChain.GENESIS);
        AtomicLong expectedSeq = new AtomicLong(1);
        AtomicLong checked = new AtomicLong();
        return store.all()
                .filter(event -> {
                    boolean ok = event.seq() == expectedSeq.get() && chain.verifies(event, expectedPrev.get());
                    checked.incrementAndGet();
                    expectedPrev.set(event.hash());
                    expectedSeq.set(event.seq() + 1);
                    return !ok;
                })
                .next()
                .map(broken -> new ChainVerification(false, checked.get(), broken.seq()))
                .defaultIfEmpty(new ChainVerification(true, checked.get(), null))
                .map(v -> v.valid() ? new ChainVerification(true, checked.get(), null) : v);
    }

    /** The result of a chain check: valid, rows checked, and the first broken row if any. */
    public record ChainVerification(boolean valid, long checked, @Nullable Long firstBrokenSeq) {
    }
}

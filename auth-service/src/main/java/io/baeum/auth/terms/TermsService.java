package io.baeum.auth.terms;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.baeum.auth.audit.AuditLog;
import io.baeum.auth.audit.domain.AuditEntry;
import io.baeum.auth.shared.ClientInfo;
import io.baeum.auth.terms.domain.ConsentRules;
import io.baeum.auth.terms.domain.Term;
import io.baeum.auth.terms.domain.TermErrors;
import io.baeum.auth.terms.domain.TermRef;
import io.baeum.auth.terms.persistence.TermStore;

/** Term versions and the append-only consent history. */
@Service
public class TermsService {

    public static final String AGREED = "AGREED";
    public static final String WITHDRAWN = "WITHDRAWN";

    private final TermStore store;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    TermsService(TermStore store, AuditLog audit, TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    public Flux<Term> current() {
        return store.current(clock.instant());
    }

    public Flux<Term> all() {
        return store.all();
    }

    /** Checks a sign-up's agreements (before anything is written); answers the terms agreed. */
    public Mono<List<Term>> checkSignUp(List<TermRef> agreed) {
        return Mono.zip(store.current(clock.instant()).collectList(), store.allRefs().collect(Collectors.toSet()))
                .map(t -> ConsentRules.checkSignUp(t.getT1(), agreed, new HashSet<>(t.getT2())));
    }

    /** Records agreements in the caller's transaction. */
    public Mono<Void> recordAgreements(UUID accountId, List<Term> terms, ClientInfo client) {
        Instant now = clock.instant();
        return Flux.fromIterable(terms)
                .concatMap(term -> store.appendConsent(accountId, new TermRef(term.code(), term.version()), AGREED, now,
                        client.ip(), client.userAgent()))
                .then();
    }

    /** Agrees to the current version of {@code code} (e.g. an optional term, or a new version). */
    public Mono<Void> agree(UUID accountId, TermRef ref, ClientInfo client) {
        return current().collectMap(Term::code).flatMap(current -> {
            Term term = current.get(ref.code());
            if (term == null) {
                return Mono.error(TermErrors.unknownTerm(ref.code(), ref.version()));
            }
            if (term.version() != ref.version()) {
                return Mono.error(TermErrors.outdatedTerm(ref.code(), ref.version()));
            }
            return store.appendConsent(accountId, ref, AGREED, clock.instant(), client.ip(), client.userAgent());
        });
    }

    /** Withdraws consent to an optional term the member agreed to. */
    public Mono<Void> withdraw(UUID accountId, String code, ClientInfo client) {
        return Mono.zip(current().collectMap(Term::code), state(accountId)).flatMap(t -> {
            Term term = t.getT1().get(code);
            if (term == null) {
                return Mono.error(TermErrors.unknownTerm(code, 0));
            }
            if (term.required()) {
                return Mono.error(TermErrors.requiredTermNotWithdrawable(code));
            }
            TermStore.ConsentRow last = t.getT2().get(code);
            if (last == null || !AGREED.equals(last.action())) {
                return Mono.error(TermErrors.notAgreed(code));
            }
            return store.appendConsent(accountId, new TermRef(code, last.termVersion()), WITHDRAWN, clock.instant(),
                    client.ip(), client.userAgent());
        });
    }

    /** The latest record per term code. */
    public Mono<Map<String, TermStore.ConsentRow>> state(UUID accountId) {
        return store.history(accountId).collectMap(TermStore.ConsentRow::termCode);
    }

    public Flux<TermStore.ConsentRow> history(UUID accountId) {
        return store.history(accountId);
    }

    /** Publishes the next version of a term (an admin action, audited). */
    public Mono<Term> publish(String code, String title, String contentUrl, boolean required, @Nullable Instant effectiveAt,
            UUID admin, ClientInfo client) {
        Instant now = clock.instant();
        return store.nextVersion(code).flatMap(version -> {
            Term term = new Term(UUID.randomUUID(), code, version, title, contentUrl, required,
                    effectiveAt == null ? now : effectiveAt);
            return store.insert(term, admin, now)
                    .then(audit.record(new AuditEntry(admin, client.ip(), "TERM_PUBLISHED", null,
                            Map.of("code", code, "version", version, "required", required))))
                    .thenReturn(term);
        }).as(tx::transactional);
    }
}

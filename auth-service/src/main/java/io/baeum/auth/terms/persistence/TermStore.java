package io.baeum.auth.terms.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.baeum.auth.terms.domain.Term;
import io.baeum.auth.terms.domain.TermRef;

@Repository
public class TermStore {

    private final DatabaseClient db;

    TermStore(DatabaseClient db) {
        this.db = db;
    }

    /** The latest version of each code already in effect. */
    public Flux<Term> current(Instant now) {
        return db.sql("SELECT DISTINCT ON (code) * FROM term WHERE effective_at <= :now ORDER BY code, version DESC")
                .bind("now", now.atOffset(ZoneOffset.UTC)).map(TermStore::toTerm).all();
    }

    public Flux<Term> all() {
        return db.sql("SELECT * FROM term ORDER BY code, version").map(TermStore::toTerm).all();
    }

    public Flux<TermRef> allRefs() {
        return db.sql("SELECT code, version FROM term")
                .map(row -> new TermRef(row.get("code", String.class), row.get("version", Integer.class))).all();
    }

    public Mono<Integer> nextVersion(String code) {
        return db.sql("SELECT coalesce(max(version), 0) + 1 AS v FROM term WHERE code = :code")
                .bind("code", code).map(row -> row.get("v", Integer.class)).one();
    }

    public Mono<Void> insert(Term term, @Nullable UUID createdBy, Instant now) {
        return db.sql("INSERT INTO term (id, code, version, title, content_url, required, effective_at, created_at, "
                        + "created_by) VALUES (:id, :code, :version, :title, :url, :required, :effective, :now, :by)")
                .bind("id", term.id()).bind("code", term.code()).bind("version", term.version())
                .bind("title", term.title()).bind("url", term.contentUrl()).bind("required", term.required())
                .bind("effective", term.effectiveAt().atOffset(ZoneOffset.UTC)).bind("now", now.atOffset(ZoneOffset.UTC))
                .bind("by", Parameter.fromOrEmpty(createdBy, UUID.class))
                .then();
    }

    public Mono<Void> appendConsent(UUID accountId, TermRef term, String action, Instant at, @Nullable String ip,
            @Nullable String userAgent) {
        return db.sql("INSERT INTO consent_record (account_id, term_code, term_version, action, recorded_at, client_ip, "
                        + "user_agent) VALUES (:account, :code, :version, :action, :at, :ip, :ua)")
                .bind("account", accountId).bind("code", term.code()).bind("version", term.version())
                .bind("action", action).bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("ip", Parameter.fromOrEmpty(ip, String.class))
                .bind("ua", Parameter.fromOrEmpty(userAgent, String.class))
                .then();
    }

    public Flux<ConsentRow> history(UUID accountId) {
        return db.sql("SELECT * FROM consent_record WHERE account_id = :account ORDER BY id")
                .bind("account", accountId)
                .map(row -> new ConsentRow(row.get("id", Long.class), row.get("term_code", String.class),
                        row.get("term_version", Integer.class), row.get("action", String.class),
                        row.get("recorded_at", OffsetDateTime.class).toInstant(), row.get("client_ip", String.class),
                        row.get("user_agent", String.class)))
                .all();
    }

    private static Term toTerm(Readable row) {
        return new Term(row.get("id", UUID.class), row.get("code", String.class), row.get("version", Integer.class),
                row.get("title", String.class), row.get("content_url", String.class), row.get("required", Boolean.class),
                row.get("effective_at", OffsetDateTime.class).toInstant());
    }

    public record ConsentRow(long id, String termCode, int termVersion, String action, Instant recordedAt,
            @Nullable String clientIp, @Nullable String userAgent) {
    }
}

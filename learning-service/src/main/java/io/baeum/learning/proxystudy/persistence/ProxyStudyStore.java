package io.baeum.learning.proxystudy.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.learning.proxystudy.domain.Cidr;
import io.baeum.learning.proxystudy.domain.FlagKind;
import io.baeum.learning.proxystudy.domain.SessionSighting;
import io.baeum.learning.proxystudy.domain.Suspicion;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;
import io.baeum.learning.support.sql.DataConflicts;

/**
 * Flags, allowed networks and employers; and the one read of the progress evidence the sweep needs (session
 * starts and ends by the time they were recorded, through a partial index; the evidence stays append-only).
 */
@Repository
public class ProxyStudyStore {

    public static final Map<String, String> FLAG_SORTS = Map.of("createdAt", "f.created_at", "firstAt", "f.first_at",
            "kind", "f.kind");

    private final DatabaseClient db;
    private final JsonMapper json;

    ProxyStudyStore(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** A flag as stored, with its review. */
    public record Flag(UUID id, FlagKind kind, @Nullable String clientIp, List<String> accountIds, List<UUID> enrollmentIds,
                       List<String> sessionIds, Instant firstAt, Instant lastAt, String evidenceJson, String status,
                       Instant createdAt, @Nullable Instant resolvedAt, @Nullable String resolvedBy, @Nullable String resolution,
                       @Nullable String resolutionNote) {
    }

    public record AllowedNetwork(UUID id, String cidr, String label, String createdBy, Instant createdAt) {
    }

    public Mono<Instant> sweptTo() {
        return db.sql("SELECT CASE WHEN swept_to = '-infinity' THEN NULL ELSE swept_to END AS t FROM proxy_study_sweep WHERE id = 1")
                .map((row, meta) -> {
                    OffsetDateTime t = row.get("t", OffsetDateTime.class);
                    return t == null ? Instant.EPOCH : t.toInstant();
                }).one();
    }

    public Mono<Void> advance(Instant to) {
        return db.sql("UPDATE proxy_study_sweep SET swept_to = GREATEST(swept_to, :to) WHERE id = 1")
                .bind("to", to.atOffset(ZoneOffset.UTC)).then();
    }

    /** Session starts and ends recorded in (from, to], with the enrollment's employer. */
    public Flux<SessionSighting> sightings(Instant from, Instant to) {
        return db.sql("SELECT e.kind, e.enrollment_id, e.account_id, e.session_id, e.occurred_at_ms, "
                        + "e.detail->>'clientIp' AS ip, e.detail->>'deviceHash' AS device, e.detail->>'reason' AS reason, "
                        + "emp.employer FROM progress_evidence e LEFT JOIN enrollment_employer emp ON emp.enrollment_id = e.enrollment_id "
                        + "WHERE e.kind IN ('SESSION_STARTED', 'SESSION_ENDED') AND e.recorded_at > :from AND e.recorded_at <= :to")
                .bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> new SessionSighting(row.get("kind", String.class), row.get("enrollment_id", UUID.class),
                        row.get("account_id", String.class), row.get("session_id", String.class),
                        Instant.ofEpochMilli(row.get("occurred_at_ms", Long.class)), blankToNull(row.get("ip", String.class)),
                        blankToNull(row.get("device", String.class)), row.get("reason", String.class), row.get("employer", String.class)))
                .all();
    }

    /** Records a suspicion unless the same one (dedupe key) is already a flag; emits whether it was new. */
    public Mono<Boolean> insertFlag(Suspicion s) {
        String evidence = json.writeValueAsString(s.evidence().stream().map(ProxyStudyStore::evidence).toList());
        return db.sql("INSERT INTO proxy_study_flag (id, kind, dedupe_key, client_ip, account_ids, enrollment_ids, session_ids, "
                        + "first_at, last_at, evidence) VALUES (:id, :kind, :key, :ip, :accounts, :enrollments, :sessions, :first, :last, "
                        + "CAST(:evidence AS jsonb)) ON CONFLICT (dedupe_key) DO NOTHING")
                .bind("id", UUID.randomUUID()).bind("kind", s.kind().name()).bind("key", s.dedupeKey())
                .bind("ip", Parameter.fromOrEmpty(s.clientIp(), String.class))
                .bind("accounts", s.accountIds().toArray(String[]::new)).bind("enrollments", s.enrollmentIds().toArray(UUID[]::new))
                .bind("sessions", s.sessionIds().toArray(String[]::new))
                .bind("first", s.firstAt().atOffset(ZoneOffset.UTC)).bind("last", s.lastAt().atOffset(ZoneOffset.UTC))
                .bind("evidence", evidence).fetch().rowsUpdated().map(n -> n > 0);
    }

    private static Map<String, Object> evidence(SessionSighting s) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("kind", s.kind());
        m.put("at", s.at().toString());
        m.put("accountId", s.accountId());
        m.put("enrollmentId", s.enrollmentId().toString());
        m.put("sessionId", s.sessionId());
        if (s.clientIp() != null) {
            m.put("clientIp", s.clientIp());
        }
        if (s.deviceHash() != null) {
            m.put("deviceHash", s.deviceHash());
        }
        if (s.endReason() != null) {
            m.put("endReason", s.endReason());
        }
        if (s.employer() != null) {
            m.put("employer", s.employer());
        }
        return m;
    }

    public Mono<Page<Flag>> flags(@Nullable String status, @Nullable FlagKind kind, PageRequest page) {
        String where = " FROM proxy_study_flag f WHERE (CAST(:status AS text) IS NULL OR f.status = :status) "
                + "AND (CAST(:kind AS text) IS NULL OR f.kind = :kind)";
        var items = db.sql("SELECT f.*, f.evidence::text AS evidence_text" + where + " ORDER BY " + page.orderBy("f.id")
                + " LIMIT " + page.size() + " OFFSET " + page.offset());
        var count = db.sql("SELECT count(*) AS total" + where);
        Parameter st = Parameter.fromOrEmpty(status, String.class);
        Parameter k = Parameter.fromOrEmpty(kind == null ? null : kind.name(), String.class);
        return Mono.zip(items.bind("status", st).bind("kind", k).map((row, meta) -> flag(row)).all().collectList(),
                count.bind("status", st).bind("kind", k).map((row, meta) -> row.get("total", Long.class)).one())
                .map(t -> new Page<>(t.getT1(), t.getT2()));
    }

    public Mono<Flag> flag(UUID id) {
        return db.sql("SELECT f.*, f.evidence::text AS evidence_text FROM proxy_study_flag f WHERE f.id = :id").bind("id", id)
                .map((row, meta) -> flag(row)).one();
    }

    /** Resolves an open flag; emits false when it is not open (unknown or already resolved). */
    public Mono<Boolean> resolve(UUID id, String by, String resolution, String note, Instant at) {
        return db.sql("UPDATE proxy_study_flag SET status = 'RESOLVED', resolved_at = :at, resolved_by = :by, resolution = :res, "
                        + "resolution_note = :note WHERE id = :id AND status = 'OPEN'")
                .bind("id", id).bind("at", at.atOffset(ZoneOffset.UTC)).bind("by", by).bind("res", resolution).bind("note", note)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Flux<Cidr> allowedCidrs() {
        return db.sql("SELECT cidr::text AS cidr FROM proxy_study_allowed_network")
                .map((row, meta) -> Cidr.parse(row.get("cidr", String.class))).all();
    }

    public Flux<AllowedNetwork> allowedNetworks() {
        return db.sql("SELECT id, cidr::text AS cidr, label, created_by, created_at FROM proxy_study_allowed_network ORDER BY cidr")
                .map((row, meta) -> new AllowedNetwork(row.get("id", UUID.class), row.get("cidr", String.class),
                        row.get("label", String.class), row.get("created_by", String.class),
                        row.get("created_at", OffsetDateTime.class).toInstant())).all();
    }

    public Mono<Void> addAllowedNetwork(UUID id, Cidr cidr, String label, String by) {
        return db.sql("INSERT INTO proxy_study_allowed_network (id, cidr, label, created_by) VALUES (:id, CAST(:cidr AS cidr), :label, :by)")
                .bind("id", id).bind("cidr", cidr.toString()).bind("label", label).bind("by", by).then()
                .onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    public Mono<Boolean> removeAllowedNetwork(UUID id) {
        return db.sql("DELETE FROM proxy_study_allowed_network WHERE id = :id").bind("id", id).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Records (or replaces) the employer of an existing enrollment; emits false when there is no such enrollment. */
    public Mono<Boolean> recordEmployer(UUID enrollmentId, String employer, String by) {
        return db.sql("INSERT INTO enrollment_employer (enrollment_id, employer, recorded_by) SELECT id, :employer, :by "
                        + "FROM enrollment WHERE id = :id ON CONFLICT (enrollment_id) DO UPDATE SET employer = EXCLUDED.employer, "
                        + "recorded_by = EXCLUDED.recorded_by, recorded_at = now()")
                .bind("id", enrollmentId).bind("employer", employer).bind("by", by).fetch().rowsUpdated().map(n -> n > 0);
    }

    private static Flag flag(Readable row) {
        OffsetDateTime resolved = row.get("resolved_at", OffsetDateTime.class);
        return new Flag(row.get("id", UUID.class), FlagKind.valueOf(row.get("kind", String.class)), row.get("client_ip", String.class),
                List.of(row.get("account_ids", String[].class)), List.of(row.get("enrollment_ids", UUID[].class)),
                List.of(row.get("session_ids", String[].class)), row.get("first_at", OffsetDateTime.class).toInstant(),
                row.get("last_at", OffsetDateTime.class).toInstant(), row.get("evidence_text", String.class),
                row.get("status", String.class), row.get("created_at", OffsetDateTime.class).toInstant(),
                resolved == null ? null : resolved.toInstant(), row.get("resolved_by", String.class),
                row.get("resolution", String.class), row.get("resolution_note", String.class));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

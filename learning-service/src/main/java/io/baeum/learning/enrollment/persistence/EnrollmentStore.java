package io.baeum.learning.enrollment.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import io.baeum.learning.enrollment.domain.Enrollment;
import io.baeum.learning.enrollment.domain.EnrollmentStatus;
import io.baeum.learning.support.Page;
import io.baeum.learning.support.PageRequest;
import io.baeum.learning.support.sql.DataConflicts;

/** Enrollments in PostgreSQL (capacity checks lock the cohort row through the cohort feature). */
@Repository
public class EnrollmentStore {

    public static final Map<String, String> SORTS = Map.of("appliedAt", "e.applied_at", "status", "e.status",
            "accountId", "e.account_id");

    private final DatabaseClient db;

    EnrollmentStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Integer> activeCount(UUID cohortId) {
        return db.sql("SELECT count(*) AS n FROM enrollment WHERE cohort_id = :id AND status = 'ACTIVE'").bind("id", cohortId)
                .map((row, meta) -> row.get("n", Long.class).intValue()).one();
    }

    public Mono<Enrollment> find(UUID id) {
        return db.sql("SELECT * FROM enrollment WHERE id = :id").bind("id", id).map((row, meta) -> read(row)).one();
    }

    public Mono<Enrollment> findLive(UUID cohortId, String accountId) {
        return db.sql("SELECT * FROM enrollment WHERE cohort_id = :cohort AND account_id = :account "
                        + "AND status IN ('PENDING', 'ACTIVE')")
                .bind("cohort", cohortId).bind("account", accountId).map((row, meta) -> read(row)).one();
    }

    public Mono<Void> insert(Enrollment e) {
        return bind(db.sql("INSERT INTO enrollment (id, cohort_id, course_id, account_id, status, source, paid_order_id, "
                + "applied_at, decided_at, decided_by, decision_reason) VALUES (:id, :cohort, :course, :account, :status, "
                + ":source, :order, :applied, :decided, :by, :reason)"), e).then()
                .onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    public Mono<Void> update(Enrollment e) {
        return bind(db.sql("UPDATE enrollment SET cohort_id = :cohort, course_id = :course, account_id = :account, "
                + "status = :status, source = :source, paid_order_id = :order, applied_at = :applied, decided_at = :decided, "
                + "decided_by = :by, decision_reason = :reason, version = version + 1 WHERE id = :id"), e).then()
                .onErrorMap(DataIntegrityViolationException.class, DataConflicts::conflict);
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Enrollment e) {
        spec = spec.bind("id", e.id()).bind("cohort", e.cohortId()).bind("course", e.courseId())
                .bind("account", e.accountId()).bind("status", e.status().name()).bind("source", e.source())
                .bind("applied", e.appliedAt().atOffset(ZoneOffset.UTC));
        spec = spec.bind("order", Parameter.fromOrEmpty(e.paidOrderId(), String.class));
        spec = spec.bind("decided", Parameter.fromOrEmpty(e.decidedAt() == null ? null : e.decidedAt().atOffset(ZoneOffset.UTC), OffsetDateTime.class));
        spec = spec.bind("by", Parameter.fromOrEmpty(e.decidedBy(), String.class));
        spec = spec.bind("reason", Parameter.fromOrEmpty(e.decisionReason(), String.class));
        return spec;
    }

    /** An enrollment with its course progress, for lists. */
    public record Listed(Enrollment enrollment, int completedLessons, BigDecimal progressPercent) {
    }

    public Mono<Page<Listed>> ofCohort(UUID cohortId, @Nullable EnrollmentStatus status, PageRequest page) {
        String where = " WHERE e.cohort_id = :cohort AND (CAST(:status AS text) IS NULL OR e.status = :status)";
        var items = db.sql("SELECT e.* FROM enrollment e" + where + " ORDER BY " + page.orderBy("e.id") + " LIMIT "
                + page.size() + " OFFSET " + page.offset()).bind("cohort", cohortId);
        var count = db.sql("SELECT count(*) AS total FROM enrollment e" + where).bind("cohort", cohortId);
        items = items.bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class));
        count = count.bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class));
        return Mono.zip(items.map((row, meta) -> listed(row)).all().collectList(),
                count.map((row, meta) -> row.get("total", Long.class)).one()).map(t -> new Page<>(t.getT1(), t.getT2()));
    }

    static Listed listed(Readable row) {
        return new Listed(read(row), row.get("completed_lessons", Integer.class), row.get("progress_percent", BigDecimal.class));
    }

    public static Enrollment read(Readable row) {
        OffsetDateTime decided = row.get("decided_at", OffsetDateTime.class);
        return new Enrollment(row.get("id", UUID.class), row.get("cohort_id", UUID.class), row.get("course_id", UUID.class),
                row.get("account_id", String.class), EnrollmentStatus.valueOf(row.get("status", String.class)),
                row.get("source", String.class), row.get("paid_order_id", String.class),
                row.get("applied_at", OffsetDateTime.class).toInstant(), decided == null ? null : decided.toInstant(),
                row.get("decided_by", String.class), row.get("decision_reason", String.class));
    }

}

package io.baeum.billing.refund.persistence;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.billing.order.domain.CourseMonthAmount;
import io.baeum.billing.refund.domain.Refund;

/** The {@code refund} table. */
@Repository
public class RefundStore {

    private final DatabaseClient db;

    RefundStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Refund r) {
        var spec = db.sql("INSERT INTO refund (id, order_id, cohort_id, account_id, amount, method, explanation, reason, status, "
                        + "requested_at, requested_by, decided_at, decided_by, completed_at, cancellation_id, receipt_url) VALUES "
                        + "(:id, :order, :cohort, :account, :amount, :method, :explanation, :reason, :status, :requested, :by, "
                        + ":decided, :decidedBy, :completed, :cancellation, :receipt)")
                .bind("id", r.id()).bind("order", r.orderId()).bind("cohort", r.cohortId()).bind("account", r.accountId())
                .bind("amount", r.amount()).bind("method", r.method()).bind("explanation", r.explanation()).bind("reason", r.reason())
                .bind("status", r.status().name()).bind("requested", r.requestedAt()).bind("by", r.requestedBy());
        spec = bindNullable(spec, "decided", r.decidedAt(), Instant.class);
        spec = bindNullable(spec, "decidedBy", r.decidedBy(), String.class);
        spec = bindNullable(spec, "completed", r.completedAt(), Instant.class);
        spec = bindNullable(spec, "cancellation", r.cancellationId(), String.class);
        spec = bindNullable(spec, "receipt", r.receiptUrl(), String.class);
        return spec.then();
    }

    public Mono<Refund> find(UUID id) {
        return db.sql("SELECT * FROM refund WHERE id = :id").bind("id", id).map(RefundStore::refund).one();
    }

    /** Completed refunds of the order (or of one of its lines when {@code cohortId} is given), in won. */
    public Mono<Long> refunded(UUID orderId, @Nullable UUID cohortId) {
        var spec = db.sql("SELECT coalesce(sum(amount), 0) AS s FROM refund WHERE order_id = :o AND status = 'COMPLETED'"
                + (cohortId == null ? "" : " AND cohort_id = :c")).bind("o", orderId);
        if (cohortId != null) {
            spec = spec.bind("c", cohortId);
        }
        return spec.map(row -> ((Number) row.get("s")).longValue()).one();
    }

    public Mono<Void> complete(UUID id, String by, Instant at, String cancellationId, @Nullable String receiptUrl) {
        var spec = db.sql("UPDATE refund SET status = 'COMPLETED', decided_at = coalesce(decided_at, :at), decided_by = coalesce(decided_by, :by), "
                        + "completed_at = :at, cancellation_id = :c, receipt_url = :r, last_error = NULL WHERE id = :id AND status = 'REQUESTED'")
                .bind("id", id).bind("by", by).bind("at", at).bind("c", cancellationId);
        return bindNullable(spec, "r", receiptUrl, String.class).then();
    }

    public Mono<Boolean> reject(UUID id, String by, Instant at, String reason) {
        return db.sql("UPDATE refund SET status = 'REJECTED', decided_at = :at, decided_by = :by, last_error = :reason "
                        + "WHERE id = :id AND status = 'REQUESTED'")
                .bind("id", id).bind("by", by).bind("at", at).bind("reason", reason)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Void> failed(UUID id, String error) {
        return db.sql("UPDATE refund SET last_error = :e WHERE id = :id").bind("id", id).bind("e", error).then();
    }

    public Flux<Refund> ofAccount(String accountId) {
        return db.sql("SELECT * FROM refund WHERE account_id = :a ORDER BY requested_at DESC LIMIT 200").bind("a", accountId)
                .map(RefundStore::refund).all();
    }

    public Flux<Refund> ofOrder(UUID orderId) {
        return db.sql("SELECT * FROM refund WHERE order_id = :o ORDER BY requested_at").bind("o", orderId).map(RefundStore::refund).all();
    }

    /** Completed refunds by the month they completed in {@code zone} and course, for completions in [{@code from}, {@code to}). */
    public Flux<CourseMonthAmount> refundsByMonth(Instant from, Instant to, ZoneId zone) {
        return db.sql("SELECT to_char(r.completed_at AT TIME ZONE :zone, 'YYYY-MM') AS m, l.course_id, max(l.course_title) AS title, "
                        + "sum(r.amount) AS amount FROM refund r JOIN order_line l ON l.order_id = r.order_id AND l.cohort_id = r.cohort_id "
                        + "WHERE r.status = 'COMPLETED' AND r.completed_at >= :from AND r.completed_at < :to GROUP BY 1, 2")
                .bind("zone", zone.getId()).bind("from", from).bind("to", to)
                .map(row -> new CourseMonthAmount(YearMonth.parse(row.get("m", String.class)), row.get("course_id", UUID.class),
                        row.get("title", String.class), ((Number) row.get("amount")).longValue())).all();
    }

    /** Refunds still open; with {@code dueBefore}, only those requested before it (overdue). */
    public Flux<Refund> open(@Nullable Instant dueBefore) {
        var spec = db.sql("SELECT * FROM refund WHERE status = 'REQUESTED'" + (dueBefore == null ? "" : " AND requested_at < :due")
                + " ORDER BY requested_at LIMIT 500");
        if (dueBefore != null) {
            spec = spec.bind("due", dueBefore);
        }
        return spec.map(RefundStore::refund).all();
    }

    public Mono<Long> overdue(Instant dueBefore) {
        return db.sql("SELECT count(*) AS n FROM refund WHERE status = 'REQUESTED' AND requested_at < :due").bind("due", dueBefore)
                .map(row -> ((Number) row.get("n")).longValue()).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name,
                                                                  @Nullable Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    static Refund refund(Readable row) {
        return new Refund(row.get("id", UUID.class), row.get("order_id", UUID.class), row.get("cohort_id", UUID.class),
                row.get("account_id", String.class), row.get("amount", Long.class), row.get("method", String.class),
                row.get("explanation", String.class), row.get("reason", String.class),
                Refund.Status.valueOf(row.get("status", String.class)), row.get("requested_at", Instant.class),
                row.get("requested_by", String.class), row.get("decided_at", Instant.class), row.get("decided_by", String.class),
                row.get("completed_at", Instant.class), row.get("cancellation_id", String.class), row.get("receipt_url", String.class),
                row.get("last_error", String.class));
    }
}

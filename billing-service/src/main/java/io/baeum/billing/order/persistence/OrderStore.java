package io.baeum.billing.order.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.billing.catalogue.domain.CatalogueCohort;
import io.baeum.billing.order.domain.CourseMonthAmount;
import io.baeum.billing.order.domain.Order;
import io.baeum.billing.order.domain.OrderLine;

/** Orders and their lines ({@code purchase_order}, {@code order_line}). */
@Repository
public class OrderStore {

    private final DatabaseClient db;

    OrderStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(Order o) {
        Mono<Void> order = db.sql("INSERT INTO purchase_order (id, account_id, payment_id, order_name, amount, currency, status, created_at) "
                        + "VALUES (:id, :account, :payment, :name, :amount, :currency, :status, :created)")
                .bind("id", o.id()).bind("account", o.accountId()).bind("payment", o.paymentId()).bind("name", o.orderName())
                .bind("amount", o.amount()).bind("currency", o.currency()).bind("status", o.status().name())
                .bind("created", o.createdAt()).then();
        return order.thenMany(Flux.fromIterable(o.lines()).concatMap(l -> {
            var spec = db.sql("INSERT INTO order_line (order_id, cohort_id, course_id, course_title, training_type, delivery, price, "
                            + "study_from, study_to, lesson_count, session_count) VALUES (:order, :cohort, :course, :title, :type, "
                            + ":delivery, :price, :from, :to, :lessons, :sessions)")
                    .bind("order", o.id()).bind("cohort", l.cohortId()).bind("course", l.courseId()).bind("title", l.courseTitle())
                    .bind("type", l.trainingType()).bind("delivery", l.delivery().name()).bind("price", l.price())
                    .bind("from", l.studyFrom()).bind("to", l.studyTo()).bind("lessons", l.lessonCount());
            spec = l.sessionCount() == null ? spec.bindNull("sessions", Integer.class) : spec.bind("sessions", l.sessionCount());
            return spec.then();
        })).then();
    }

    public Mono<Order> find(UUID id) {
        return withLines(db.sql("SELECT * FROM purchase_order WHERE id = :id").bind("id", id).map(OrderStore::order).one());
    }

    /** The order, its row locked until the caller's transaction ends (refunds serialise on it). */
    public Mono<Order> lock(UUID id) {
        return withLines(db.sql("SELECT * FROM purchase_order WHERE id = :id FOR UPDATE").bind("id", id).map(OrderStore::order).one());
    }

    public Mono<Order> findByPaymentId(String paymentId) {
        return withLines(db.sql("SELECT * FROM purchase_order WHERE payment_id = :p").bind("p", paymentId).map(OrderStore::order).one());
    }

    public Flux<Order> ofAccount(String accountId) {
        return db.sql("SELECT * FROM purchase_order WHERE account_id = :a ORDER BY created_at DESC LIMIT 200").bind("a", accountId)
                .map(OrderStore::order).all().concatMap(o -> withLines(Mono.just(o)));
    }

    /** Orders still pending after {@code olderThan}, oldest first, that PortOne should be asked about again. */
    public Flux<String> pendingPaymentIds(Instant olderThan, int limit) {
        return db.sql("SELECT payment_id FROM purchase_order WHERE status = 'PENDING' AND created_at < :before "
                        + "ORDER BY coalesce(last_checked_at, created_at) LIMIT :limit")
                .bind("before", olderThan).bind("limit", limit)
                .map(row -> row.get("payment_id", String.class)).all();
    }

    /**
     * Sales of paid orders by the month they were paid in {@code zone} and course, for payments in
     * [{@code from}, {@code to}).
     */
    public Flux<CourseMonthAmount> salesByMonth(Instant from, Instant to, ZoneId zone) {
        return db.sql("SELECT to_char(o.paid_at AT TIME ZONE :zone, 'YYYY-MM') AS m, l.course_id, max(l.course_title) AS title, "
                        + "sum(l.price) AS amount FROM purchase_order o JOIN order_line l ON l.order_id = o.id "
                        + "WHERE o.status = 'PAID' AND o.paid_at >= :from AND o.paid_at < :to GROUP BY 1, 2")
                .bind("zone", zone.getId()).bind("from", from).bind("to", to)
                .map(OrderStore::courseMonth).all();
    }

    private static CourseMonthAmount courseMonth(Readable row) {
        return new CourseMonthAmount(YearMonth.parse(row.get("m", String.class)), row.get("course_id", UUID.class),
                row.get("title", String.class), ((Number) row.get("amount")).longValue());
    }

    /** Moves a PENDING order to {@code to}; emits whether it moved. */
    public Mono<Boolean> leavePending(UUID id, Order.Status to, @Nullable Instant paidAt, @Nullable String receiptUrl) {
        var spec = db.sql("UPDATE purchase_order SET status = :to, paid_at = :paid, receipt_url = :receipt, last_checked_at = now() "
                        + "WHERE id = :id AND status = 'PENDING'")
                .bind("id", id).bind("to", to.name());
        spec = paidAt == null ? spec.bindNull("paid", Instant.class) : spec.bind("paid", paidAt);
        spec = receiptUrl == null ? spec.bindNull("receipt", String.class) : spec.bind("receipt", receiptUrl);
        return spec.fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Void> checked(UUID id, boolean failed) {
        return db.sql("UPDATE purchase_order SET last_checked_at = now(), check_failures = check_failures + :f WHERE id = :id")
                .bind("id", id).bind("f", failed ? 1 : 0).then();
    }

    private Mono<Order> withLines(Mono<Order> order) {
        return order.flatMap(o -> db.sql("SELECT * FROM order_line WHERE order_id = :id ORDER BY course_title, cohort_id")
                .bind("id", o.id()).map(OrderStore::line).all().collectList()
                .map(lines -> new Order(o.id(), o.accountId(), o.paymentId(), o.orderName(), o.amount(), o.currency(), o.status(),
                        o.createdAt(), o.paidAt(), o.receiptUrl(), lines)));
    }

    static Order order(Readable row) {
        return new Order(row.get("id", UUID.class), row.get("account_id", String.class), row.get("payment_id", String.class),
                row.get("order_name", String.class), row.get("amount", Long.class), row.get("currency", String.class),
                Order.Status.valueOf(row.get("status", String.class)), row.get("created_at", Instant.class),
                row.get("paid_at", Instant.class), row.get("receipt_url", String.class), List.of());
    }

    static OrderLine line(Readable row) {
        return new OrderLine(row.get("cohort_id", UUID.class), row.get("course_id", UUID.class), row.get("course_title", String.class),
                row.get("training_type", String.class), CatalogueCohort.Delivery.valueOf(row.get("delivery", String.class)),
                row.get("price", Long.class), row.get("study_from", LocalDate.class), row.get("study_to", LocalDate.class),
                row.get("lesson_count", Integer.class), row.get("session_count", Integer.class));
    }
}

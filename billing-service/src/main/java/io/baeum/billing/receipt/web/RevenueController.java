package io.baeum.billing.receipt.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import io.baeum.billing.config.BillingProperties;
import io.baeum.common.error.DomainException;
import io.baeum.common.web.ApiResponse;

/**
 * Revenue for admins, by month (in the institution's zone) and course: gross (paid orders by the month
 * they were paid), refunds (by the month they completed), net, and the same month a year earlier with
 * the year-over-year change of net.
 */
@RestController
class RevenueController {

    private final DatabaseClient db;
    private final BillingProperties properties;

    RevenueController(DatabaseClient db, BillingProperties properties) {
        this.db = db;
        this.properties = properties;
    }

    /** @param yoyPercent net against the same month a year earlier, in percent; {@code null} without a base */
    record RevenueRow(LocalDate month, UUID courseId, String courseTitle, long gross, long refunds, long net,
                      long previousYearNet, @Nullable Double yoyPercent) {
    }

    @GetMapping("/api/v1/admin/billing/revenue")
    Mono<ApiResponse<List<RevenueRow>>> revenue(@RequestParam int year) {
        if (year < 2000 || year > 2100) {
            return Mono.error(DomainException.invalid("INVALID_PERIOD", "give a year between 2000 and 2100"));
        }
        return db.sql("""
                WITH sales AS (
                    SELECT date_trunc('month', o.paid_at AT TIME ZONE :zone)::date AS m, l.course_id, max(l.course_title) AS title,
                           sum(l.price) AS gross
                    FROM purchase_order o JOIN order_line l ON l.order_id = o.id
                    WHERE o.status = 'PAID' AND o.paid_at IS NOT NULL GROUP BY 1, 2),
                refunds AS (
                    SELECT date_trunc('month', r.completed_at AT TIME ZONE :zone)::date AS m, l.course_id, max(l.course_title) AS title,
                           sum(r.amount) AS refunded
                    FROM refund r JOIN order_line l ON l.order_id = r.order_id AND l.cohort_id = r.cohort_id
                    WHERE r.status = 'COMPLETED' GROUP BY 1, 2),
                rows AS (
                    SELECT coalesce(s.m, r.m) AS m, coalesce(s.course_id, r.course_id) AS course_id, coalesce(s.title, r.title) AS title,
                           coalesce(s.gross, 0) AS gross, coalesce(r.refunded, 0) AS refunded
                    FROM sales s FULL JOIN refunds r ON s.m = r.m AND s.course_id = r.course_id)
                SELECT cur.m, cur.course_id, cur.title, cur.gross, cur.refunded,
                       coalesce(prev.gross - prev.refunded, 0) AS prev_net
                FROM rows cur LEFT JOIN rows prev ON prev.course_id = cur.course_id AND prev.m = (cur.m - interval '1 year')::date
                WHERE extract(year FROM cur.m) = :year
                ORDER BY cur.m, cur.title""")
                .bind("zone", properties.zone().getId()).bind("year", year)
                .map(row -> {
                    long gross = ((Number) row.get("gross")).longValue();
                    long refunded = ((Number) row.get("refunded")).longValue();
                    long previous = ((Number) row.get("prev_net")).longValue();
                    long net = gross - refunded;
                    return new RevenueRow(row.get("m", LocalDate.class), row.get("course_id", UUID.class), row.get("title", String.class),
                            gross, refunded, net, previous, previous == 0 ? null : Math.round((net - previous) * 1000.0 / previous) / 10.0);
                })
                .all().collectList().map(ApiResponse::ok);
    }
}

package io.baeum.billing.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.billing.testing.BillingTestSupport;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.TestAccessTokens;

/**
 * Revenue by month and course on a seeded data set, "now" being 2026-03-10 in Seoul (an injected clock).
 * The expected figures are computed here from the seed list with java.time (Seoul months), not by the
 * service's SQL; the boundary cases are also written out by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class RevenueIntegrationTests {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Ticking (the JWKS cache refreshes by it), from 2026-03-10 12:00 Seoul. */
    static final Clock NOW = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse("2026-03-10T03:00:00Z")));

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("billing-events", "learning-events");

    static final TestAccessTokens tokens = new TestAccessTokens(NOW);

    @TestBean(name = "clock", methodName = "now")
    Clock clock;

    static Clock now() {
        return NOW;
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", () -> tokens.jwksUri().toString());
    }

    @AfterAll
    static void close() {
        tokens.close();
    }

    static final UUID DATA = UUID.randomUUID();
    static final UUID WEB = UUID.randomUUID();
    static final Map<UUID, String> TITLES = Map.of(DATA, "데이터 분석 기초", WEB, "웹 개발 <심화>");

    /** An order of one course; {@code refunds}: completed refunds as (amount, completedAt) pairs. */
    record Sale(UUID course, long price, String status, Instant paidAt, List<Refunded> refunds) {
    }

    record Refunded(long amount, Instant at) {
    }

    static final List<Sale> SALES = List.of(
            sale(DATA, 100_000, "2025-01-15T01:00:00Z"),
            sale(DATA, 50_000, "2025-01-31T15:30:00Z", new Refunded(50_000, Instant.parse("2025-02-20T01:00:00Z"))), // Seoul: 2025-02-01 00:30
            sale(WEB, 45_000, "2024-12-31T15:00:00Z"),                                 // Seoul: 2025-01-01 00:00
            sale(WEB, 70_000, "2025-02-10T05:00:00Z"),
            sale(DATA, 120_000, "2026-01-10T00:00:00Z", new Refunded(20_000, Instant.parse("2026-02-28T15:00:00Z"))), // refund: Seoul March 1st
            sale(DATA, 80_000, "2026-01-31T14:59:59Z"),                                // Seoul: 2026-01-31 23:59:59
            sale(WEB, 200_000, "2026-01-31T15:00:00Z", new Refunded(50_000, Instant.parse("2026-02-15T02:00:00Z"))), // Seoul: 2026-02-01 00:00
            sale(DATA, 60_000, "2026-03-05T09:00:00Z"),
            sale(DATA, 99_000, "2026-03-31T15:00:00Z"));                               // Seoul: April, after "now"

    static Sale sale(UUID course, long price, String paidAt, Refunded... refunds) {
        return new Sale(course, price, "PAID", Instant.parse(paidAt), List.of(refunds));
    }

    /** Straight into the tables (after Flyway ran, once the service answers). */
    void seed() {
        StringBuilder sql = new StringBuilder();
        int n = 0;
        for (Sale s : SALES) {
            insertOrder(sql, ++n, s.course(), s.price(), s.status(), s.paidAt());
            for (Refunded r : s.refunds()) {
                sql.append(refund(n, s.course(), r.amount(), "COMPLETED", r.at()));
            }
        }
        // neither counts: a pending and a failed order, and a refund still open
        insertOrder(sql, ++n, DATA, 40_000, "PENDING", null);
        insertOrder(sql, ++n, WEB, 30_000, "FAILED", null);
        sql.append(refund(6, DATA, 10_000, "REQUESTED", null));
        support.execute(sql.toString());
    }

    static void insertOrder(StringBuilder sql, int n, UUID course, long price, String status, Instant paidAt) {
        UUID order = orderId(n);
        sql.append("INSERT INTO purchase_order (id, account_id, payment_id, order_name, amount, currency, status, created_at, paid_at) VALUES ('")
                .append(order).append("', 'rev-").append(n).append("', 'pay-").append(order).append("', 'x', ").append(price)
                .append(", 'KRW', '").append(status).append("', '2024-01-01T00:00:00Z', ").append(paidAt == null ? "NULL" : "'" + paidAt + "'")
                .append(");\nINSERT INTO order_line (order_id, cohort_id, course_id, course_title, training_type, delivery, price, study_from, "
                        + "study_to, lesson_count) VALUES ('").append(order).append("', '").append(cohortOf(course)).append("', '").append(course)
                .append("', '").append(TITLES.get(course)).append("', 'GENERAL', 'PERIOD', ").append(price)
                .append(", '2026-01-01', '2026-12-31', 10);\n");
    }

    static String refund(int orderNumber, UUID course, long amount, String status, Instant completedAt) {
        return "INSERT INTO refund (id, order_id, cohort_id, account_id, amount, method, explanation, reason, status, requested_at, "
                + "requested_by, completed_at) VALUES ('" + UUID.randomUUID() + "', '" + orderId(orderNumber) + "', '" + cohortOf(course)
                + "', 'rev-" + orderNumber + "', " + amount + ", 'ADMIN', 'x', 'x', '" + status + "', '2024-01-01T00:00:00Z', 'x', "
                + (completedAt == null ? "NULL" : "'" + completedAt + "'") + ");\n";
    }

    static UUID orderId(int n) {
        return UUID.nameUUIDFromBytes(("revenue-order-" + n).getBytes());
    }

    static UUID cohortOf(UUID course) {
        return UUID.nameUUIDFromBytes(("cohort-" + course).getBytes());
    }

    /** gross and refunds by Seoul month and course, from the seed list. */
    static Map<YearMonth, Map<UUID, long[]>> expected() {
        Map<YearMonth, Map<UUID, long[]>> cells = new HashMap<>();
        for (Sale s : SALES) {
            cells.computeIfAbsent(YearMonth.from(s.paidAt().atZone(SEOUL)), k -> new HashMap<>())
                    .computeIfAbsent(s.course(), k -> new long[2])[0] += s.price();
            for (Refunded r : s.refunds()) {
                cells.computeIfAbsent(YearMonth.from(r.at().atZone(SEOUL)), k -> new HashMap<>())
                        .computeIfAbsent(s.course(), k -> new long[2])[1] += r.amount();
            }
        }
        return cells;
    }

    @Autowired
    WebTestClient web;

    final BillingTestSupport support = new BillingTestSupport(infra, tokens);

    @Test
    void revenueByMonthAndCourseFollowsSeoulMonthsAndComparesWithTheSameMonthAYearEarlier() {
        support.awaitReady(web);
        seed();
        String admin = support.admin("revenue-admin");
        Map<String, Object> report = report(admin, "/api/v1/admin/billing/revenue");
        assertThat(report).containsEntry("year", 2026).containsEntry("zone", "Asia/Seoul");
        List<Map<String, Object>> months = months(report);
        assertThat(months).extracting(m -> m.get("month")).containsExactly("2026-01", "2026-02", "2026-03");

        Map<YearMonth, Map<UUID, long[]>> cells = expected();
        for (Map<String, Object> month : months) {
            YearMonth m = YearMonth.parse((String) month.get("month"));
            Map<UUID, long[]> now = cells.getOrDefault(m, Map.of());
            Map<UUID, long[]> before = cells.getOrDefault(m.minusYears(1), Map.of());
            List<Map<String, Object>> courses = courses(month);
            assertThat(courses).extracting(c -> UUID.fromString((String) c.get("courseId")))
                    .containsExactlyInAnyOrderElementsOf(union(now, before));
            for (Map<String, Object> c : courses) {
                UUID course = UUID.fromString((String) c.get("courseId"));
                long[] a = now.getOrDefault(course, new long[2]);
                long[] b = before.getOrDefault(course, new long[2]);
                assertThat(c).containsEntry("courseTitle", TITLES.get(course))
                        .containsEntry("gross", (int) a[0]).containsEntry("refunds", (int) a[1]).containsEntry("net", (int) (a[0] - a[1]))
                        .containsEntry("previousYearNet", (int) (b[0] - b[1]))
                        .containsEntry("yoyPercent", yoy(a[0] - a[1], b[0] - b[1]));
            }
            long net = now.values().stream().mapToLong(x -> x[0] - x[1]).sum();
            long previous = before.values().stream().mapToLong(x -> x[0] - x[1]).sum();
            assertThat(month).containsEntry("net", (int) net).containsEntry("previousYearNet", (int) previous)
                    .containsEntry("yoyPercent", yoy(net, previous));
        }

        // the same, written out: Seoul month boundaries and the year-over-year figures
        assertThat(months.get(0)).containsEntry("gross", 200_000).containsEntry("net", 200_000)
                .containsEntry("previousYearNet", 145_000).containsEntry("yoyPercent", 37.9);
        assertThat(course(months.get(0), WEB)).containsEntry("gross", 0).containsEntry("previousYearNet", 45_000).containsEntry("yoyPercent", -100.0);
        assertThat(course(months.get(1), WEB)).containsEntry("gross", 200_000).containsEntry("refunds", 50_000)
                .containsEntry("net", 150_000).containsEntry("previousYearNet", 70_000).containsEntry("yoyPercent", 114.3);
        assertThat(course(months.get(1), DATA)).containsEntry("net", 0).containsEntry("previousYearNet", 0).containsEntry("yoyPercent", null);
        assertThat(months.get(2)).containsEntry("gross", 60_000).containsEntry("refunds", 20_000).containsEntry("net", 40_000)
                .containsEntry("yoyPercent", null);

        List<Map<String, Object>> lastYear = months(report(admin, "/api/v1/admin/billing/revenue?year=2025"));
        assertThat(lastYear).hasSize(12);
        assertThat(lastYear.get(0)).containsEntry("gross", 145_000).containsEntry("previousYearNet", 0);
        assertThat(lastYear.get(1)).containsEntry("gross", 120_000).containsEntry("refunds", 50_000).containsEntry("net", 70_000);

        web.get().uri("/api/v1/admin/billing/revenue?year=2027").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error.code").isEqualTo("INVALID_PERIOD");
        web.get().uri("/api/v1/admin/billing/revenue").headers(h -> h.setBearerAuth(support.trainee("rev-1"))).exchange()
                .expectStatus().isForbidden();
    }

    static Double yoy(long net, long previous) {
        return previous == 0 ? null : Math.round((net - previous) * 1000.0 / Math.abs(previous)) / 10.0;
    }

    static List<UUID> union(Map<UUID, long[]> a, Map<UUID, long[]> b) {
        return java.util.stream.Stream.concat(a.keySet().stream(), b.keySet().stream()).distinct().toList();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> report(String token, String uri) {
        return (Map<String, Object>) web.get().uri(uri).headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("data");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> months(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("months");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> courses(Map<String, Object> month) {
        return (List<Map<String, Object>>) month.get("courses");
    }

    static Map<String, Object> course(Map<String, Object> month, UUID course) {
        return courses(month).stream().filter(c -> course.toString().equals(c.get("courseId"))).findFirst().orElseThrow();
    }
}

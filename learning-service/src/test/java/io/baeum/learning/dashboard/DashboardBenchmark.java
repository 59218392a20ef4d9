package io.baeum.learning.dashboard;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import io.baeum.learning.dashboard.persistence.DashboardReads;
import io.baeum.learning.support.PageRequest;
import io.baeum.learning.testing.StandaloneLearning;

/**
 * The three dashboards' latency on 10,000 enrollments: 20 courses of 10 lessons, 100 cohorts of 100 (half of
 * them running), ~42,000 lesson-progress rows, ~23,000 exam results, ~3,400 decisions and ~2,500 certificates,
 * seeded in SQL on a fresh database. Each query runs through {@link DashboardService} (SQL, mapping,
 * assembly; no HTTP) one at a time: 50 warm-up calls, then {@code bench.calls} measured ones, p50/p99/max.
 * Not part of {@code verify}: {@code ./mvnw -B -q -pl learning-service -am verify -Pbench -Dbench.test=DashboardBenchmark}.
 * Figures: docs/benchmarks.md.
 */
class DashboardBenchmark {

    static final int ENROLLMENTS = 10_000;
    static final int CALLS = Integer.getInteger("bench.calls", 500);
    static final int WARM_UP = 50;

    @Test
    void dashboardLatencyOnTenThousandEnrollments() throws SQLException {
        try (StandaloneLearning learning = StandaloneLearning.start("dashboard_bench")) {
            long seedStart = System.nanoTime();
            List<String> accounts = new ArrayList<>();
            List<UUID> cohorts = new ArrayList<>();
            List<String> instructors = new ArrayList<>();
            try (Connection c = learning.connect(); Statement s = c.createStatement()) {
                for (String sql : SEED) {
                    s.execute(sql);
                }
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM enrollment")) {
                    rs.next();
                    if (rs.getLong(1) != ENROLLMENTS) {
                        throw new IllegalStateException("seeded " + rs.getLong(1) + " enrollments");
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT DISTINCT account_id FROM enrollment ORDER BY 1")) {
                    while (rs.next()) {
                        accounts.add(rs.getString(1));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT co.id, ci.instructor_id FROM cohort co JOIN cohort_instructor ci "
                        + "ON ci.cohort_id = co.id WHERE co.study_to >= current_date ORDER BY co.name")) {
                    while (rs.next()) {
                        cohorts.add(rs.getObject(1, UUID.class));
                        instructors.add(rs.getString(2));
                    }
                }
            }
            System.out.printf("BENCH dashboards: seeded %d enrollments (%d accounts, %d running cohorts) in %.1f s%n", ENROLLMENTS,
                    accounts.size(), cohorts.size(), (System.nanoTime() - seedStart) / 1e9);

            DashboardService dashboards = learning.bean(DashboardService.class);
            Random random = new Random(42);
            measure("trainee  GET /api/v1/me/dashboard", i -> {
                dashboards.classroom(accounts.get(random.nextInt(accounts.size()))).block();
                return null;
            });
            measure("instructor GET /api/v1/instructor/cohorts/{id}/dashboard?sort=progress,desc (page of 20)", i -> {
                int k = random.nextInt(cohorts.size());
                dashboards.cohort(cohorts.get(k), instructors.get(k), false,
                        PageRequest.of(0, 20, "progress,desc", DashboardReads.LEARNER_SORTS, "accountId")).block();
                return null;
            });
            measure("instructor ... ?sort=lastStudied,desc&page=2 (page of 20)", i -> {
                int k = random.nextInt(cohorts.size());
                dashboards.cohort(cohorts.get(k), instructors.get(k), false,
                        PageRequest.of(2, 20, "lastStudied,desc", DashboardReads.LEARNER_SORTS, "accountId")).block();
                return null;
            });
            measure("admin    GET /api/v1/admin/dashboard", i -> {
                dashboards.admin().block();
                return null;
            });
        }
    }

    private static void measure(String name, IntFunction<Void> call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.apply(i);
        }
        long[] nanos = new long[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            call.apply(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("BENCH %s: %d calls, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", name, CALLS, nanos[CALLS / 2] / 1e6,
                nanos[(int) Math.ceil(CALLS * 0.99) - 1] / 1e6, nanos[CALLS - 1] / 1e6);
    }

    /** The data set, in SQL (deterministic ids from md5, random figures from a fixed seed). */
    static final String[] SEED = {
        "SELECT setseed(0.42)",
        "INSERT INTO course (id, title, category, training_type, level, price, status) SELECT md5('course' || c)::uuid, "
                + "'벤치 과정 ' || c, 'it', 'SAEOPJU', 'BEGINNER', 100000, 'PUBLISHED' FROM generate_series(1, 20) c",
        "INSERT INTO subject (id, course_id, position, title) SELECT md5('subject' || c)::uuid, md5('course' || c)::uuid, 0, '1과목' "
                + "FROM generate_series(1, 20) c",
        "INSERT INTO lesson (id, course_id, subject_id, position, title, vimeo_video_id, duration_seconds, recognised_seconds) "
                + "SELECT md5('lesson' || c || '-' || l)::uuid, md5('course' || c)::uuid, md5('subject' || c)::uuid, l, (l + 1) || '차시', "
                + "'7697987' || l, 600, 600 FROM generate_series(1, 20) c, generate_series(0, 9) l",
        // cohorts 1..50 are running (today inside their period), 51..100 ended last year or earlier this year
        "INSERT INTO cohort (id, course_id, name, study_from, study_to, enrollment_from, enrollment_to, capacity) "
                + "SELECT md5('cohort' || k)::uuid, md5('course' || ((k - 1) % 20 + 1))::uuid, 'cohort-' || lpad(k::text, 3, '0'), "
                + "f, CASE WHEN k <= 50 THEN current_date + 60 ELSE f + 90 END, f - 30, f, 1000 "
                + "FROM generate_series(1, 100) k, LATERAL (SELECT CASE WHEN k <= 50 THEN current_date - 30 - (k % 20) "
                + "ELSE current_date - 500 + 3 * k END AS f) d",
        "INSERT INTO cohort_instructor (cohort_id, instructor_id) SELECT md5('cohort' || k)::uuid, 'inst-' || (k % 10) "
                + "FROM generate_series(1, 100) k",
        "INSERT INTO enrollment (id, cohort_id, course_id, account_id, status, source, applied_at, completed_lessons, progress_percent) "
                + "SELECT md5('enrollment' || e)::uuid, md5('cohort' || ((e - 1) % 100 + 1))::uuid, "
                + "md5('course' || (((e - 1) % 100) % 20 + 1))::uuid, 'bench-' || (e % 7001), "
                + "CASE WHEN r < 0.85 THEN 'ACTIVE' WHEN r < 0.92 THEN 'PENDING' WHEN r < 0.96 THEN 'CANCELLED' ELSE 'REJECTED' END, "
                + "'APPLICATION', now() - random() * interval '700 days', floor(random() * 11), round((random() * 100)::numeric, 2) "
                + "FROM generate_series(1, " + ENROLLMENTS + ") e, LATERAL (SELECT random() + e * 0 AS r) x",
        "INSERT INTO lesson_progress (enrollment_id, lesson_id, watched_seconds, furthest_second, study_millis, percent, completed, "
                + "completed_at, updated_at) SELECT e.id, l.id, 300, 300, 300000, 50, c, CASE WHEN c THEN t END, t "
                + "FROM enrollment e JOIN lesson l ON l.course_id = e.course_id, "
                + "LATERAL (SELECT random() < 0.7 AS c, now() - random() * interval '60 days' AS t, random() + l.position * 0 AS p) x "
                + "WHERE e.status = 'ACTIVE' AND x.p < 0.5",
        "INSERT INTO evaluation_result (attempt_id, enrollment_id, evaluation_id, evaluation_kind, attempt_no, score, pass_score, passed, "
                + "on_time, auto_submitted, submitted_at, graded_at, revision) "
                + "SELECT md5('attempt' || e.id || k || a)::uuid, e.id, md5(k || e.course_id)::uuid, k, a, s, 60, s >= 60, random() < 0.9, "
                + "false, now() - interval '2 days', now() - interval '1 day', 1 FROM enrollment e, "
                + "unnest(ARRAY['STAGE', 'FINAL', 'ASSIGNMENT']) k, generate_series(1, 2) a, "
                + "LATERAL (SELECT round((random() * 100)::numeric, 2) + e.progress_percent * 0 AS s, random() AS p) x "
                + "WHERE e.status = 'ACTIVE' AND ((a = 1 AND x.p < 0.8) OR (a = 2 AND x.p < 0.1))",
        "INSERT INTO completion (enrollment_id, outcome, progress_percent, total_score, criteria, policy_id, decided_at) "
                + "SELECT e.id, CASE WHEN x.o < 0.75 THEN 'COMPLETED' ELSE 'FAILED' END, e.progress_percent, 70, '[]', "
                + "'00000000-0000-4000-b000-000000000101', now() - interval '1 hour' FROM enrollment e, "
                + "LATERAL (SELECT random() + length(e.account_id) * 0 AS p, random() + length(e.account_id) * 0 AS o) x "
                + "WHERE e.status = 'ACTIVE' AND x.p < 0.4",
        "INSERT INTO certificate (number, enrollment_id, account_id, course_id, cohort_id, holder_name, issued_at, kept_until) "
                + "SELECT 'B-' || e.id, e.id, e.account_id, e.course_id, e.cohort_id, '벤치', now(), current_date + 1826 "
                + "FROM enrollment e JOIN completion c ON c.enrollment_id = e.id WHERE c.outcome = 'COMPLETED'",
        "ANALYZE",
    };
}

package io.baeum.billing.revenue.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.billing.order.domain.CourseMonthAmount;

/**
 * Revenue of one year by month and course: gross (paid orders, by the month they were paid), refunds
 * (by the month they completed), net = gross − refunds, and the same month a year earlier with the
 * year-over-year change of net. Months run from January to {@code through} (the current month when the
 * year is the current one); a course appears in a month when it sold or refunded anything in it or in
 * the same month a year earlier.
 */
public record RevenueReport(int year, List<Month> months) {

    public RevenueReport {
        months = List.copyOf(months);
    }

    /**
     * @param yoyPercent change of net against {@code previousYearNet}, in percent with one decimal; {@code null}
     *                   when the previous year's net is zero (no base)
     */
    public record Figures(long gross, long refunds, long net, long previousYearNet, @Nullable Double yoyPercent) {

        static Figures of(long gross, long refunds, long previousYearNet) {
            long net = gross - refunds;
            Double yoy = previousYearNet == 0 ? null
                    : Math.round((net - previousYearNet) * 1000.0 / Math.abs(previousYearNet)) / 10.0;
            return new Figures(gross, refunds, net, previousYearNet, yoy);
        }
    }

    public record CourseRevenue(UUID courseId, String courseTitle, Figures figures) {
    }

    public record Month(YearMonth month, Figures total, List<CourseRevenue> courses) {

        public Month {
            courses = List.copyOf(courses);
        }
    }

    /**
     * @param sales   sales by month and course of {@code year} and the year before
     * @param refunds completed refunds by month and course of the same two years
     */
    public static RevenueReport of(int year, YearMonth through, List<CourseMonthAmount> sales, List<CourseMonthAmount> refunds) {
        if (through.getYear() != year) {
            throw new IllegalArgumentException("through " + through + " is not in " + year);
        }
        Map<YearMonth, Map<UUID, long[]>> cells = new LinkedHashMap<>();
        Map<UUID, String> titles = new LinkedHashMap<>();
        add(cells, titles, sales, 0);
        add(cells, titles, refunds, 1);
        List<Month> months = new ArrayList<>();
        for (YearMonth m = YearMonth.of(year, 1); !m.isAfter(through); m = m.plusMonths(1)) {
            Map<UUID, long[]> now = cells.getOrDefault(m, Map.of());
            Map<UUID, long[]> before = cells.getOrDefault(m.minusYears(1), Map.of());
            List<CourseRevenue> courses = new ArrayList<>();
            for (UUID course : union(now, before)) {
                long[] n = now.getOrDefault(course, new long[2]);
                long[] b = before.getOrDefault(course, new long[2]);
                courses.add(new CourseRevenue(course, titles.get(course), Figures.of(n[0], n[1], b[0] - b[1])));
            }
            courses.sort(Comparator.comparing(CourseRevenue::courseTitle).thenComparing(CourseRevenue::courseId));
            months.add(new Month(m, Figures.of(sum(now, 0), sum(now, 1), sum(before, 0) - sum(before, 1)), courses));
        }
        return new RevenueReport(year, months);
    }

    private static void add(Map<YearMonth, Map<UUID, long[]>> cells, Map<UUID, String> titles, List<CourseMonthAmount> amounts, int slot) {
        for (CourseMonthAmount a : amounts) {
            cells.computeIfAbsent(a.month(), k -> new LinkedHashMap<>()).computeIfAbsent(a.courseId(), k -> new long[2])[slot] += a.amount();
            titles.merge(a.courseId(), a.courseTitle(), (had, other) -> had);
        }
    }

    private static List<UUID> union(Map<UUID, long[]> a, Map<UUID, long[]> b) {
        List<UUID> all = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(all::add);
        return all;
    }

    private static long sum(Map<UUID, long[]> cells, int slot) {
        return cells.values().stream().mapToLong(c -> c[slot]).sum();
    }
}

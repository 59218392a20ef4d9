package io.baeum.learning.dashboard.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Applications (수강신청) per month of this year against last year, and the year-to-date cumulative.
 * This year's months after the current one are {@code null} (not yet happened), not zero.
 *
 * @param year               this year (Asia/Seoul)
 * @param thisYear           12 monthly counts, January first
 * @param lastYear           12 monthly counts of the year before
 * @param thisYearCumulative running totals of {@code thisYear}
 * @param lastYearCumulative running totals of {@code lastYear}
 */
public record EnrollmentTrend(int year, List<@Nullable Long> thisYear, List<Long> lastYear,
                              List<@Nullable Long> thisYearCumulative, List<Long> lastYearCumulative) {

    public EnrollmentTrend {
        thisYear = Collections.unmodifiableList(new ArrayList<>(thisYear));
        lastYear = List.copyOf(lastYear);
        thisYearCumulative = Collections.unmodifiableList(new ArrayList<>(thisYearCumulative));
        lastYearCumulative = List.copyOf(lastYearCumulative);
    }

    /**
     * @param now    the current month (Asia/Seoul)
     * @param counts applications per month, months without any absent
     */
    public static EnrollmentTrend of(YearMonth now, Map<YearMonth, Long> counts) {
        List<@Nullable Long> current = new ArrayList<>();
        List<@Nullable Long> currentSum = new ArrayList<>();
        List<Long> previous = new ArrayList<>();
        List<Long> previousSum = new ArrayList<>();
        long sum = 0;
        long previousTotal = 0;
        for (int month = 1; month <= 12; month++) {
            long last = counts.getOrDefault(YearMonth.of(now.getYear() - 1, month), 0L);
            previousTotal += last;
            previous.add(last);
            previousSum.add(previousTotal);
            if (month <= now.getMonthValue()) {
                long count = counts.getOrDefault(YearMonth.of(now.getYear(), month), 0L);
                sum += count;
                current.add(count);
                currentSum.add(sum);
            } else {
                current.add(null);
                currentSum.add(null);
            }
        }
        return new EnrollmentTrend(now.getYear(), current, previous, currentSum, previousSum);
    }
}

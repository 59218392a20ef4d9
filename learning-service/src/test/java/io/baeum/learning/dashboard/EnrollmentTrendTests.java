package io.baeum.learning.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baeum.learning.dashboard.domain.EnrollmentTrend;
import io.baeum.learning.dashboard.domain.Rates;
import io.baeum.learning.dashboard.domain.StudyPeriod;

/** The admin trend, rates and study periods as plain arithmetic. */
class EnrollmentTrendTests {

    @Test
    void thisYearStopsAtTheCurrentMonthAndBothYearsAccumulate() {
        EnrollmentTrend trend = EnrollmentTrend.of(YearMonth.of(2026, 3), Map.of(YearMonth.of(2026, 1), 2L, YearMonth.of(2026, 3), 5L,
                YearMonth.of(2025, 2), 1L, YearMonth.of(2025, 12), 4L, YearMonth.of(2024, 12), 9L));
        assertThat(trend.thisYear()).isEqualTo(Arrays.asList(2L, 0L, 5L, null, null, null, null, null, null, null, null, null));
        assertThat(trend.thisYearCumulative()).isEqualTo(Arrays.asList(2L, 2L, 7L, null, null, null, null, null, null, null, null, null));
        assertThat(trend.lastYear()).containsExactly(0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 4L);
        assertThat(trend.lastYearCumulative()).containsExactly(0L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 5L);
    }

    @Test
    void ratesHaveOneDecimalAndNothingIsZero() {
        assertThat(Rates.percent(1, 3)).isEqualTo(new BigDecimal("33.3"));
        assertThat(Rates.percent(2, 3)).isEqualTo(new BigDecimal("66.7"));
        assertThat(Rates.percent(0, 0)).isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void aStudyPeriodCountsItsLastDay() {
        LocalDate from = LocalDate.of(2026, 4, 28);
        LocalDate to = LocalDate.of(2026, 7, 28);
        assertThat(StudyPeriod.of(from, to, to).daysLeft()).isEqualTo(1L);
        assertThat(StudyPeriod.of(from, to, from.minusDays(1)).state()).isEqualTo(StudyPeriod.State.UPCOMING);
        assertThat(StudyPeriod.of(from, to, to.plusDays(1)).state()).isEqualTo(StudyPeriod.State.ENDED);
    }
}

package io.baeum.learning.dashboard.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The operator's dashboard (관리자 대시보드): this year's cards, the application trend and the running cohorts.
 *
 * @param year          the cards: enrollments applied for this year (Asia/Seoul) and approved
 * @param trend         applications per month against last year, and the year-to-date cumulative
 * @param activeCohorts cohorts whose study period includes today
 */
public record AdminDashboard(YearCards year, EnrollmentTrend trend, List<ActiveCohort> activeCohorts) {

    public AdminDashboard {
        activeCohorts = List.copyOf(activeCohorts);
    }

    /**
     * @param enrolled       ACTIVE enrollments applied for this year (수강 인원)
     * @param inProgress     of those, without a completion decision (진행 인원)
     * @param completed      of those, completed (수료 인원)
     * @param completionRate completed / enrolled, % with one decimal (수료율)
     */
    public record YearCards(int year, long enrolled, long inProgress, long completed, BigDecimal completionRate) {

        public static YearCards of(int year, long enrolled, long inProgress, long completed) {
            return new YearCards(year, enrolled, inProgress, completed, Rates.percent(completed, enrolled));
        }
    }

    /** A row of the running cohorts table (과정, 기간, 수강, 진행, 수료, 수료율). */
    public record ActiveCohort(UUID cohortId, String cohortName, UUID courseId, String courseTitle, LocalDate studyFrom,
                               LocalDate studyTo, long enrolled, long inProgress, long completed, BigDecimal completionRate) {

        public static ActiveCohort of(UUID cohortId, String cohortName, UUID courseId, String courseTitle, LocalDate from,
                                      LocalDate to, long enrolled, long inProgress, long completed) {
            return new ActiveCohort(cohortId, cohortName, courseId, courseTitle, from, to, enrolled, inProgress, completed,
                    Rates.percent(completed, enrolled));
        }
    }
}

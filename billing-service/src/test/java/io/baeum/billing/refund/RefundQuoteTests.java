package io.baeum.billing.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.baeum.billing.catalogue.domain.CatalogueCohort.Delivery;
import io.baeum.billing.refund.domain.RefundCase;
import io.baeum.billing.refund.domain.RefundMethod;
import io.baeum.billing.refund.domain.RefundQuote;
import io.baeum.billing.refund.domain.RefundRuleBook;

/**
 * 평생교육법 시행령 별표3 and the 내일배움카드 self-pay scale as worked examples: every row of the tables,
 * with the boundary days on both sides. Day arithmetic: a request on day d finds d - studyFrom whole days
 * elapsed; "before 1/3 elapsed" is elapsed × 3 < total days.
 */
class RefundQuoteTests {

    static RefundQuote quote(RefundMethod method, long paid, String from, String to, String on, int lessons, int opened, Integer sessions) {
        return RefundQuote.of(method, new RefundCase(paid, LocalDate.parse(from), LocalDate.parse(to), LocalDate.parse(on), lessons, opened, sessions));
    }

    /** A 30-day course (2026-12-01 … 2026-12-30) of 300,000 won: 1/3 is 10 days, 1/2 is 15 days. */
    @Nested
    class CoursesOfAtMostOneMonth {

        @ParameterizedTest(name = "request on {0}: {1} won")
        @CsvSource({
                "2026-11-30, 300000",  // before start: all
                "2026-12-01, 200000",  // first day, 0 elapsed: 2/3
                "2026-12-10, 200000",  // 9 elapsed, 27 < 30: still before 1/3
                "2026-12-11, 150000",  // 10 elapsed = 1/3: 1/2
                "2026-12-15, 150000",  // 14 elapsed, 28 < 30: still before 1/2
                "2026-12-16, 0",       // 15 elapsed = 1/2: nothing
                "2026-12-30, 0",       // last day
                "2026-12-31, 0"})      // after the period
        void theScaleIsAllThenTwoThirdsThenHalfThenNothing(String on, long expected) {
            assertThat(quote(RefundMethod.PERIOD_SCALE, 300_000, "2026-12-01", "2026-12-30", on, 0, 0, null).amount()).isEqualTo(expected);
        }

        @Test
        void aFullCalendarMonthIsStillAOneMonthCourse() {
            // 31 days: 1/3 is 10.33 days → the 11th day (10 elapsed, 30 < 31) still refunds 2/3
            assertThat(quote(RefundMethod.PERIOD_SCALE, 310_000, "2026-12-01", "2026-12-31", "2026-12-11", 0, 0, null).amount())
                    .isEqualTo(206_666);
            assertThat(quote(RefundMethod.PERIOD_SCALE, 310_000, "2026-12-01", "2026-12-31", "2026-12-12", 0, 0, null).amount())
                    .isEqualTo(155_000);
        }
    }

    /**
     * A three-month course (2027-01-01 … 2027-03-31, 90 days) of 900,000 won: January 310,000 (31 days),
     * February 280,000 (28 days), March 310,000 (the remainder). The month of the request by the scale,
     * the later months in full.
     */
    @Nested
    class CoursesLongerThanOneMonth {

        @ParameterizedTest(name = "request on {0}: {1} won")
        @CsvSource({
                "2026-12-31, 900000",  // before start: all
                "2027-01-01, 796666",  // Jan 2/3 (206,666) + Feb + Mar
                "2027-01-11, 796666",  // 10 of 31 elapsed: 30 < 31, still 2/3
                "2027-01-12, 745000",  // 11 elapsed: Jan 1/2 (155,000) + 590,000
                "2027-01-16, 745000",  // 15 elapsed: 30 < 31, still 1/2
                "2027-01-17, 590000",  // 16 elapsed: January nothing, Feb + Mar in full
                "2027-02-01, 496666",  // Feb 2/3 (186,666) + Mar
                "2027-02-10, 496666",  // 9 of 28 elapsed: 27 < 28
                "2027-02-11, 450000",  // 10 elapsed: Feb 1/2 (140,000) + Mar
                "2027-02-14, 450000",  // 13 elapsed: 26 < 28
                "2027-02-15, 310000",  // 14 elapsed = 1/2: February nothing, March in full
                "2027-03-01, 206666",  // the last month: 2/3 of 310,000
                "2027-03-31, 0",
                "2027-04-01, 0"})
        void theCurrentMonthGoesByTheScaleAndLaterMonthsAreRefundedInFull(String on, long expected) {
            assertThat(quote(RefundMethod.PERIOD_SCALE, 900_000, "2027-01-01", "2027-03-31", on, 0, 0, null).amount()).isEqualTo(expected);
        }

        @Test
        void theMonthlyFeesAddUpToThePaymentToTheWon() {
            assertThat(quote(RefundMethod.PERIOD_SCALE, 1_000_001, "2027-01-15", "2027-04-20", "2027-01-14", 0, 0, null).amount())
                    .isEqualTo(1_000_001);
            RefundQuote firstDay = quote(RefundMethod.PERIOD_SCALE, 999_999, "2027-01-15", "2027-04-20", "2027-01-15", 0, 0, null);
            assertThat(firstDay.amount()).isLessThan(999_999).isGreaterThan(999_999 * 2 / 3);
            assertThat(firstDay.explanation()).contains("month 1");
        }
    }

    /** 국민내일배움카드 self-pay over a 30-day course of 600,000: 1/6 is 5 days, 1/3 10 days, 1/2 15 days. */
    @ParameterizedTest(name = "내일배움카드, request on {0}: {1} won")
    @CsvSource({
            "2026-11-30, 600000",  // before start: all
            "2026-12-01, 500000",  // 0 elapsed: 5/6
            "2026-12-05, 500000",  // 4 elapsed, 24 < 30
            "2026-12-06, 400000",  // 5 elapsed = 1/6: 2/3
            "2026-12-10, 400000",  // 9 elapsed, 27 < 30
            "2026-12-11, 300000",  // 10 elapsed = 1/3: 1/2
            "2026-12-15, 300000",  // 14 elapsed
            "2026-12-16, 0",       // 15 elapsed = 1/2: nothing
            "2026-12-31, 0"})
    void theNaeilCardSelfPayScale(String on, long expected) {
        assertThat(quote(RefundMethod.NAEIL_CARD_SELF_PAY, 600_000, "2026-12-01", "2026-12-30", on, 0, 0, null).amount()).isEqualTo(expected);
    }

    /** 비고4: non-real-time remote training refunds the payment less the part studied; a lesson counts once opened. */
    @ParameterizedTest(name = "비고4, {0} of 10 lessons opened on {1}: {2} won")
    @CsvSource({
            "0, 2026-11-30, 100000",  // before start: all
            "0, 2026-12-05, 100000",  // started, nothing opened: all
            "1, 2026-12-05, 90000",
            "3, 2026-12-20, 70000",
            "9, 2026-12-29, 10000",
            "10, 2026-12-29, 0",
            "4, 2026-12-31, 0"})      // after the period
    void theStudiedPartIsNotRefunded(int opened, String on, long expected) {
        assertThat(quote(RefundMethod.STUDIED_PART, 100_000, "2026-12-01", "2026-12-30", on, 10, opened, null).amount()).isEqualTo(expected);
    }

    @Test
    void theStudiedPartRoundsTheRefundDownToTheWon() {
        assertThat(quote(RefundMethod.STUDIED_PART, 100_000, "2026-12-01", "2026-12-30", "2026-12-02", 3, 1, null).amount()).isEqualTo(66_666);
    }

    /** 비고5: ten sessions over 30 days start on days 0, 3, 6, … 27; a session that started is no longer remaining. */
    @ParameterizedTest(name = "비고5, request on {0}: {1} won")
    @CsvSource({
            "2026-11-30, 100000",  // before start: all 10 sessions remain
            "2026-12-01, 90000",   // session 1 started today
            "2026-12-03, 90000",
            "2026-12-04, 80000",   // session 2 starts on day 3
            "2026-12-24, 20000",   // day 23: sessions 1-8 started, the 9th starts on day 24
            "2026-12-25, 10000",   // day 24: the 9th started
            "2026-12-27, 10000",   // day 26
            "2026-12-28, 0",       // day 27: the 10th starts
            "2026-12-31, 0"})
    void sessionBasedCoursesRefundTheRemainingSessions(String on, long expected) {
        assertThat(quote(RefundMethod.REMAINING_SESSIONS, 100_000, "2026-12-01", "2026-12-30", on, 0, 0, 10).amount()).isEqualTo(expected);
    }

    @Nested
    class TheRuleBook {

        final RefundRuleBook book = RefundRuleBook.defaults();

        @Test
        void remoteVideoCoursesAreRefundedByTheStudiedPartAndPeriodCoursesByTheScale() {
            assertThat(book.methodFor("SAEOPJU", Delivery.NON_REALTIME_REMOTE, LocalDate.parse("2026-12-01"))).isEqualTo(RefundMethod.STUDIED_PART);
            assertThat(book.methodFor("SAEOPJU", Delivery.PERIOD, LocalDate.parse("2026-12-01"))).isEqualTo(RefundMethod.PERIOD_SCALE);
        }

        @Test
        void theSessionsRuleAppliesFromTheNineteenthOfApril2024() {
            assertThat(book.methodFor("SAEOPJU", Delivery.SESSIONS, LocalDate.parse("2024-04-18"))).isEqualTo(RefundMethod.PERIOD_SCALE);
            assertThat(book.methodFor("SAEOPJU", Delivery.SESSIONS, LocalDate.parse("2024-04-19"))).isEqualTo(RefundMethod.REMAINING_SESSIONS);
        }

        @Test
        void naeilCardTrainingUsesTheSelfPayScaleWhateverItsDelivery() {
            for (Delivery delivery : Delivery.values()) {
                assertThat(book.methodFor("NAEIL_CARD", delivery, LocalDate.parse("2026-12-01"))).isEqualTo(RefundMethod.NAEIL_CARD_SELF_PAY);
            }
        }
    }
}

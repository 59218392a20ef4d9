package io.baeum.billing.refund.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How much of a payment is refunded, by which rule and why — plain arithmetic on whole won, rounded
 * down. Days: a request on day {@code d} of the period finds {@code d - studyFrom} whole days elapsed
 * (a request on the first day: none), and "before 1/3 elapsed" means {@code elapsed * 3 < total days}.
 * A course longer than a month is split into calendar months from its first day; each month's fee is
 * the payment prorated by its days (the last month takes the remainder).
 *
 * @param amount      the refund, 0 ≤ amount ≤ paid
 * @param explanation a short account of the computation, for the trainee and the audit trail
 */
public record RefundQuote(long amount, RefundMethod method, String explanation) {

    public static RefundQuote of(RefundMethod method, RefundCase c) {
        if (c.requestedOn().isBefore(c.studyFrom())) {
            return new RefundQuote(c.paid(), method, "before the study period: all of " + c.paid());
        }
        if (c.requestedOn().isAfter(c.studyTo())) {
            return new RefundQuote(0, method, "after the study period: nothing");
        }
        return switch (method) {
            case PERIOD_SCALE -> periodScale(c);
            case NAEIL_CARD_SELF_PAY -> naeilCard(c);
            case STUDIED_PART -> c.lessonCount() <= 0 ? periodScale(c) : studiedPart(c);
            case REMAINING_SESSIONS -> c.sessionCount() == null || c.sessionCount() <= 0 ? periodScale(c) : remainingSessions(c);
        };
    }

    private static RefundQuote periodScale(RefundCase c) {
        long totalDays = days(c.studyFrom(), c.studyTo());
        if (!c.studyTo().isAfter(c.studyFrom().plusMonths(1).minusDays(1))) {
            long elapsed = ChronoUnit.DAYS.between(c.studyFrom(), c.requestedOn());
            long amount = scale(c.paid(), elapsed, totalDays);
            return new RefundQuote(amount, RefundMethod.PERIOD_SCALE,
                    "course of " + totalDays + " days, " + elapsed + " elapsed: " + fraction(elapsed, totalDays) + " of " + c.paid());
        }
        long amount = 0;
        long assigned = 0;
        String current = "";
        for (int month = 0; ; month++) {
            LocalDate from = c.studyFrom().plusMonths(month);
            if (from.isAfter(c.studyTo())) {
                break;
            }
            LocalDate to = c.studyFrom().plusMonths(month + 1L).minusDays(1);
            boolean last = !to.isBefore(c.studyTo());
            if (last) {
                to = c.studyTo();
            }
            long monthDays = days(from, to);
            long fee = last ? c.paid() - assigned : c.paid() * monthDays / totalDays;
            assigned += fee;
            if (from.isAfter(c.requestedOn())) {
                amount += fee;
            } else if (!to.isBefore(c.requestedOn())) {
                long elapsed = ChronoUnit.DAYS.between(from, c.requestedOn());
                amount += scale(fee, elapsed, monthDays);
                current = "month " + (month + 1) + " (" + monthDays + " days, " + elapsed + " elapsed): "
                        + fraction(elapsed, monthDays) + " of " + fee;
            }
        }
        return new RefundQuote(amount, RefundMethod.PERIOD_SCALE, current + "; later months in full");
    }

    private static RefundQuote naeilCard(RefundCase c) {
        long total = days(c.studyFrom(), c.studyTo());
        long elapsed = ChronoUnit.DAYS.between(c.studyFrom(), c.requestedOn());
        long amount;
        String part;
        if (elapsed * 6 < total) {
            amount = c.paid() * 5 / 6;
            part = "5/6";
        } else if (elapsed * 3 < total) {
            amount = c.paid() * 2 / 3;
            part = "2/3";
        } else if (elapsed * 2 < total) {
            amount = c.paid() / 2;
            part = "1/2";
        } else {
            amount = 0;
            part = "none";
        }
        return new RefundQuote(amount, RefundMethod.NAEIL_CARD_SELF_PAY,
                "내일배움카드 self-pay, " + elapsed + " of " + total + " days elapsed: " + part + " of " + c.paid());
    }

    private static RefundQuote studiedPart(RefundCase c) {
        int opened = Math.min(Math.max(c.lessonsOpened(), 0), c.lessonCount());
        long amount = c.paid() * (c.lessonCount() - opened) / c.lessonCount();
        return new RefundQuote(amount, RefundMethod.STUDIED_PART,
                opened + " of " + c.lessonCount() + " lessons opened: paid " + c.paid() + " less the part studied");
    }

    private static RefundQuote remainingSessions(RefundCase c) {
        int sessions = c.sessionCount();
        long total = days(c.studyFrom(), c.studyTo());
        long elapsed = ChronoUnit.DAYS.between(c.studyFrom(), c.requestedOn());
        int held = 0;
        for (int i = 0; i < sessions; i++) {
            // sessions spread evenly over the period; session i starts on day floor(i * total / sessions)
            if (i * total / sessions <= elapsed) {
                held++;
            }
        }
        int remaining = sessions - held;
        return new RefundQuote(c.paid() * remaining / sessions, RefundMethod.REMAINING_SESSIONS,
                remaining + " of " + sessions + " sessions remaining");
    }

    /** 별표3's scale for one period (the whole course of ≤ 1 month, or one month of a longer one). */
    private static long scale(long fee, long elapsed, long days) {
        if (elapsed * 3 < days) {
            return fee * 2 / 3;
        }
        if (elapsed * 2 < days) {
            return fee / 2;
        }
        return 0;
    }

    private static String fraction(long elapsed, long days) {
        return elapsed * 3 < days ? "2/3" : elapsed * 2 < days ? "1/2" : "none";
    }

    private static long days(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}

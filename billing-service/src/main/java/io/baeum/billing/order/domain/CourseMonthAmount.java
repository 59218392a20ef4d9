package io.baeum.billing.order.domain;

import java.time.YearMonth;
import java.util.UUID;

/** A sum of won for one course in one calendar month (of the institution's zone): sales or refunds. */
public record CourseMonthAmount(YearMonth month, UUID courseId, String courseTitle, long amount) {
}

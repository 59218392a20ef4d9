package io.baeum.billing.order.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.billing.catalogue.domain.CatalogueCohort;

/** A cohort bought by an order, frozen at order time: its price, schedule and refund method then. */
public record OrderLine(
        UUID cohortId,
        UUID courseId,
        String courseTitle,
        String trainingType,
        CatalogueCohort.Delivery delivery,
        long price,
        LocalDate studyFrom,
        LocalDate studyTo,
        int lessonCount,
        @Nullable Integer sessionCount) {

    public static OrderLine of(CatalogueCohort c) {
        return new OrderLine(c.cohortId(), c.courseId(), c.courseTitle(), c.trainingType(), c.delivery(), c.price(),
                c.studyFrom(), c.studyTo(), c.lessonCount(), c.sessionCount());
    }
}

package io.baeum.billing.catalogue.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * billing's copy of a cohort learning-service sells: its price and what a refund needs to know (the
 * training type, the study period, lessons and sessions). Written only from learning's events.
 *
 * @param delivery     how the course is run, which decides the refund method ({@link Delivery})
 * @param lessonCount  lessons (차시) of the course, the denominator of the studied part (비고4)
 * @param sessionCount sessions (회차) of a session-based course (비고5); {@code null} otherwise
 * @param sourceTime   time of the event that wrote this copy; older events never overwrite it
 */
public record CatalogueCohort(
        UUID cohortId,
        UUID courseId,
        String courseTitle,
        String trainingType,
        Delivery delivery,
        long price,
        String currency,
        boolean sellable,
        LocalDate studyFrom,
        LocalDate studyTo,
        int lessonCount,
        @Nullable Integer sessionCount,
        Instant sourceTime) {

    /** How a course is run, as far as refunds care (평생교육법 시행령 별표3 and its 비고). */
    public enum Delivery {
        /** taught over a period: the 별표3 scale by elapsed time */
        PERIOD,
        /** non-real-time remote (video) training: paid minus the part studied (비고4) */
        NON_REALTIME_REMOTE,
        /** organised in sessions: by the sessions remaining (비고5) */
        SESSIONS
    }
}

package io.baeum.heartbeat.playback.domain;

/**
 * The trainee's lessons on the current day (Asia/Seoul), as far as heartbeat-service and the grant know.
 *
 * @param otherLessons      distinct lessons other than this one studied today
 * @param thisLessonCounted whether this lesson already counts today (then the cap costs nothing more)
 */
public record DailyLedger(int otherLessons, boolean thisLessonCounted) {

    public DailyLedger {
        if (otherLessons < 0) {
            throw new IllegalArgumentException("otherLessons must not be negative");
        }
    }

    /** Merges what heartbeat-service recorded today with what the grant reported for the same day. */
    public static DailyLedger merge(int recordedOtherLessons, boolean recordedThisLesson, PlaybackSession session,
            java.time.LocalDate today) {
        var grant = session.grantUsageOn(today);
        if (grant == null) {
            return new DailyLedger(recordedOtherLessons, recordedThisLesson);
        }
        int grantOthers = Math.max(0, grant.lessonsStudied() - (grant.thisLessonCounted() ? 1 : 0));
        return new DailyLedger(Math.max(grantOthers, recordedOtherLessons), recordedThisLesson || grant.thisLessonCounted());
    }
}

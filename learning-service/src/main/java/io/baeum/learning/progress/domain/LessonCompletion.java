package io.baeum.learning.progress.domain;

import io.baeum.contract.playback.PlaybackGrant.CreditMode;
import io.baeum.contract.progress.StudyTimeRule;

/**
 * How far a lesson is, by the policy's credit mode ({@link StudyTimeRule}, the rule heartbeat-service's
 * judge applies too), and whether that completes it.
 *
 * @param percent   0..100
 * @param completed whether {@code percent} reached the policy's lesson threshold
 */
public record LessonCompletion(int percent, boolean completed) {

    public static LessonCompletion of(CreditMode creditMode, int watchedSecondsWithinVideo, int durationSeconds,
                                      long studyMillis, int recognisedSeconds, int thresholdPercent) {
        int percent = StudyTimeRule.lessonPercent(creditMode, watchedSecondsWithinVideo, durationSeconds, studyMillis,
                recognisedSeconds);
        return new LessonCompletion(percent, percent >= thresholdPercent);
    }
}

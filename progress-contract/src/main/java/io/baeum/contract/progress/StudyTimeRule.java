package io.baeum.contract.progress;

import io.baeum.contract.playback.PlaybackGrant.CreditMode;

/**
 * How much of a lesson watched media earns, by the policy's {@link CreditMode}: one copy of the rule,
 * applied by heartbeat-service's judge (the percentage a player sees) and by learning-service's lesson
 * completion (the percentage that counts).
 *
 * <ul>
 *   <li>{@link CreditMode#COVERAGE}: the share of the video's seconds watched, each second once.</li>
 *   <li>{@link CreditMode#TIME}, the 2026 time-credit rule: real study time against the lesson's recognised
 *       time (인정 시간). Nothing counts below {@value #MINIMUM_PERCENT} % of the recognised time, it is
 *       proportional from there, full at 100 %, and time beyond the recognised time earns nothing more.</li>
 * </ul>
 *
 * <p>Plain Java, no state.
 */
public final class StudyTimeRule {

    /** Under the time rule, study time below this share of the recognised time earns nothing. */
    public static final int MINIMUM_PERCENT = 50;

    private StudyTimeRule() {
    }

    /**
     * @param mode              the policy's credit mode
     * @param coveredSeconds    media seconds watched within the video (coverage mode)
     * @param durationSeconds   the video's length
     * @param studyMillis       real study time credited (time mode)
     * @param recognisedSeconds the lesson's recognised time (time mode), positive
     * @return the lesson's progress, 0..100
     */
    public static int lessonPercent(CreditMode mode, long coveredSeconds, int durationSeconds, long studyMillis,
            int recognisedSeconds) {
        return switch (mode) {
            case COVERAGE -> coveragePercent(coveredSeconds, durationSeconds);
            case TIME -> recognisedPercent(studyMillis, recognisedSeconds);
        };
    }

    /**
     * The time rule's share: 0 below {@value #MINIMUM_PERCENT} % of the recognised time, proportional
     * (rounded down) from there, at most 100.
     *
     * @throws IllegalArgumentException when the recognised time is not positive
     */
    public static int recognisedPercent(long studyMillis, int recognisedSeconds) {
        long recognisedMillis = recognisedMillis(recognisedSeconds);
        if (studyMillis * 100 < recognisedMillis * MINIMUM_PERCENT) {
            return 0;
        }
        return (int) Math.min(100, studyMillis * 100 / recognisedMillis);
    }

    /** The coverage rule's share: seconds watched over the video's seconds, rounded down, at most 100; 0 for an empty video. */
    public static int coveragePercent(long coveredSeconds, int durationSeconds) {
        if (durationSeconds <= 0) {
            return 0;
        }
        return (int) Math.min(100, Math.max(0, coveredSeconds) * 100 / durationSeconds);
    }

    /**
     * @return the study time that can still earn credit under the time rule; zero or less once the
     *         recognised time is reached
     */
    public static long remainingMillis(long studyMillis, int recognisedSeconds) {
        return recognisedMillis(recognisedSeconds) - studyMillis;
    }

    /** Study time capped at the recognised time: what counts of it under the time rule. */
    public static long creditableMillis(long studyMillis, int recognisedSeconds) {
        return Math.min(studyMillis, recognisedMillis(recognisedSeconds));
    }

    private static long recognisedMillis(int recognisedSeconds) {
        if (recognisedSeconds <= 0) {
            throw new IllegalArgumentException("recognised time must be positive");
        }
        return recognisedSeconds * 1000L;
    }
}

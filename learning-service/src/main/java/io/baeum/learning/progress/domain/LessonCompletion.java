package io.baeum.learning.progress.domain;

/**
 * How far a lesson is, by the policy's credit mode, and whether that completes it.
 *
 * <ul>
 *   <li>{@code COVERAGE}: the share of the video's seconds watched (server-credited).</li>
 *   <li>{@code TIME} (the 2026 rule): real study time against the recognised time; nothing counts
 *       below 50 %, full at 100 %, beyond it nothing more.</li>
 * </ul>
 *
 * @param percent   0..100
 * @param completed whether {@code percent} reached the policy's lesson threshold
 */
public record LessonCompletion(int percent, boolean completed) {

    public static LessonCompletion of(String creditMode, int watchedSecondsWithinVideo, int durationSeconds,
                                      long studyMillis, int recognisedSeconds, int thresholdPercent) {
        int percent;
        if ("TIME".equals(creditMode)) {
            long recognisedMillis = recognisedSeconds * 1000L;
            percent = studyMillis * 2 < recognisedMillis ? 0 : (int) Math.min(100, studyMillis * 100 / recognisedMillis);
        } else {
            percent = durationSeconds <= 0 ? 0 : (int) Math.min(100, (long) watchedSecondsWithinVideo * 100 / durationSeconds);
        }
        return new LessonCompletion(percent, percent >= thresholdPercent);
    }
}

package io.baeum.contract.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import io.baeum.contract.playback.PlaybackGrant.CreditMode;

class StudyTimeRulePropertyTests {

    /** Up to about 30 days of study time: far beyond any lesson, far below overflow. */
    private static final long MAX_STUDY_MILLIS = 2_600_000_000L;

    @Property
    void theTimeRuleAlwaysGivesAPercentage(@ForAll @LongRange(max = MAX_STUDY_MILLIS) long studyMillis,
            @ForAll @IntRange(min = 1, max = 36_000) int recognisedSeconds) {
        assertThat(StudyTimeRule.recognisedPercent(studyMillis, recognisedSeconds)).isBetween(0, 100);
    }

    @Property
    void studyBelowHalfTheRecognisedTimeEarnsNothing(@ForAll @IntRange(min = 1, max = 36_000) int recognisedSeconds,
            @ForAll @IntRange(min = 0, max = 49_999) int thousandthsOfHalf) {
        long studyMillis = recognisedSeconds * 500L * thousandthsOfHalf / 50_000;
        assertThat(studyMillis * 2).isLessThan(recognisedSeconds * 1000L);
        assertThat(StudyTimeRule.recognisedPercent(studyMillis, recognisedSeconds)).isZero();
    }

    @Property
    void fromHalfTheRecognisedTimeTheShareIsProportionalRoundedDown(
            @ForAll @IntRange(min = 1, max = 36_000) int recognisedSeconds, @ForAll @LongRange(max = MAX_STUDY_MILLIS) long studyMillis) {
        long recognisedMillis = recognisedSeconds * 1000L;
        int percent = StudyTimeRule.recognisedPercent(studyMillis, recognisedSeconds);
        if (studyMillis * 2 >= recognisedMillis && studyMillis < recognisedMillis) {
            assertThat(percent).isEqualTo((int) (studyMillis * 100 / recognisedMillis)).isBetween(50, 99);
        }
        if (studyMillis >= recognisedMillis) {
            assertThat(percent).isEqualTo(100);
        }
    }

    @Property
    void moreStudyNeverLowersTheShare(@ForAll @LongRange(max = MAX_STUDY_MILLIS) long studyMillis,
            @ForAll @LongRange(max = 3_600_000) long more, @ForAll @IntRange(min = 1, max = 36_000) int recognisedSeconds) {
        assertThat(StudyTimeRule.recognisedPercent(studyMillis + more, recognisedSeconds))
                .isGreaterThanOrEqualTo(StudyTimeRule.recognisedPercent(studyMillis, recognisedSeconds));
    }

    @Property
    void cappingStudyAtTheRecognisedTimeChangesNoShare(@ForAll @LongRange(max = MAX_STUDY_MILLIS) long studyMillis,
            @ForAll @IntRange(min = 1, max = 36_000) int recognisedSeconds) {
        long capped = StudyTimeRule.creditableMillis(studyMillis, recognisedSeconds);
        assertThat(capped).isLessThanOrEqualTo(recognisedSeconds * 1000L).isLessThanOrEqualTo(studyMillis);
        assertThat(StudyTimeRule.recognisedPercent(capped, recognisedSeconds))
                .isEqualTo(StudyTimeRule.recognisedPercent(studyMillis, recognisedSeconds));
        assertThat(StudyTimeRule.remainingMillis(studyMillis, recognisedSeconds) > 0)
                .isEqualTo(studyMillis < recognisedSeconds * 1000L);
    }

    @Property
    void coverageIsTheShareOfSecondsWatchedRoundedDown(@ForAll @IntRange(min = 1, max = 36_000) int durationSeconds,
            @ForAll @IntRange(min = 0, max = 40_000) int coveredSeconds) {
        int percent = StudyTimeRule.coveragePercent(coveredSeconds, durationSeconds);
        assertThat(percent).isBetween(0, 100)
                .isEqualTo((int) Math.min(100, coveredSeconds * 100L / durationSeconds));
        assertThat(StudyTimeRule.coveragePercent(coveredSeconds + 1, durationSeconds)).isGreaterThanOrEqualTo(percent);
    }

    @Property
    void theLessonShareFollowsTheCreditMode(@ForAll CreditMode mode, @ForAll @IntRange(min = 0, max = 40_000) int coveredSeconds,
            @ForAll @IntRange(min = 1, max = 36_000) int durationSeconds, @ForAll @LongRange(max = MAX_STUDY_MILLIS) long studyMillis,
            @ForAll @IntRange(min = 1, max = 36_000) int recognisedSeconds) {
        int percent = StudyTimeRule.lessonPercent(mode, coveredSeconds, durationSeconds, studyMillis, recognisedSeconds);
        assertThat(percent).isEqualTo(mode == CreditMode.TIME
                ? StudyTimeRule.recognisedPercent(studyMillis, recognisedSeconds)
                : StudyTimeRule.coveragePercent(coveredSeconds, durationSeconds));
    }

    @Example
    void theRuleAtItsEdgesForAThirtyMinuteLesson() {
        int recognised = 1_800;
        assertThat(StudyTimeRule.recognisedPercent(899_999, recognised)).isZero();
        assertThat(StudyTimeRule.recognisedPercent(900_000, recognised)).isEqualTo(50);
        assertThat(StudyTimeRule.recognisedPercent(1_799_999, recognised)).isEqualTo(99);
        assertThat(StudyTimeRule.recognisedPercent(1_800_000, recognised)).isEqualTo(100);
        assertThat(StudyTimeRule.recognisedPercent(5_000_000, recognised)).isEqualTo(100);
        assertThat(StudyTimeRule.coveragePercent(10, 0)).isZero();
        assertThatThrownBy(() -> StudyTimeRule.recognisedPercent(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

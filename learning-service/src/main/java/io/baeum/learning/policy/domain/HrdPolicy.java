package io.baeum.learning.policy.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;

/**
 * One version of the HRD rulebook for a training type, in force from {@code effectiveFrom} until the
 * next version's date.
 *
 * @param id                      row id
 * @param trainingType            e.g. {@code SAEOPJU}
 * @param version                 1, 2, ... per training type
 * @param effectiveFrom           first day it applies (cohorts starting on or after it)
 * @param creditMode              {@code COVERAGE} or {@code TIME}
 * @param maxPlaybackRate         highest rate that earns credit
 * @param seekRule                {@code FREE} or {@code WATCHED_ONLY}
 * @param idCheckMinSeconds       presence checks at least this far apart (null: none)
 * @param idCheckMaxSeconds       and at most this far
 * @param stepUpEveryLessons      step-up identity verification at the first lesson and every N lessons (null: never)
 * @param stepUpMaxAgeSeconds     how old the last verification may be at a step-up point
 * @param dailyLessonCap          distinct lessons per day
 * @param unlockPercent           the next lesson opens once the previous reaches this share (null: free order)
 * @param lessonCompletionPercent share of a lesson that completes it
 * @param courseCompletionPercent course progress (진도율) needed for 수료
 * @param passingScore            evaluation score needed for 수료
 * @param heartbeatSeconds        heartbeat interval of the player
 */
public record HrdPolicy(UUID id, String trainingType, int version, LocalDate effectiveFrom, String creditMode,
                        double maxPlaybackRate, String seekRule, @Nullable Integer idCheckMinSeconds,
                        @Nullable Integer idCheckMaxSeconds, @Nullable Integer stepUpEveryLessons,
                        @Nullable Integer stepUpMaxAgeSeconds, int dailyLessonCap, @Nullable Integer unlockPercent,
                        int lessonCompletionPercent, int courseCompletionPercent, int passingScore,
                        int heartbeatSeconds) {

    public HrdPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(trainingType, "trainingType");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        require(creditMode.equals("COVERAGE") || creditMode.equals("TIME"), "creditMode is COVERAGE or TIME");
        require(seekRule.equals("FREE") || seekRule.equals("WATCHED_ONLY"), "seekRule is FREE or WATCHED_ONLY");
        require(maxPlaybackRate >= 1.0 && maxPlaybackRate <= 4.0, "maxPlaybackRate within 1..4");
        require((idCheckMinSeconds == null) == (idCheckMaxSeconds == null), "identity-check interval needs min and max");
        require(idCheckMinSeconds == null || (idCheckMinSeconds > 0 && idCheckMaxSeconds >= idCheckMinSeconds),
                "identity-check interval positive and ordered");
        require((stepUpEveryLessons == null) == (stepUpMaxAgeSeconds == null), "step-up needs an interval and a max age");
        require(stepUpEveryLessons == null || (stepUpEveryLessons > 0 && stepUpMaxAgeSeconds > 0), "step-up values positive");
        require(dailyLessonCap > 0, "dailyLessonCap positive");
        require(unlockPercent == null || (unlockPercent >= 1 && unlockPercent <= 100), "unlockPercent within 1..100");
        require(lessonCompletionPercent >= 1 && lessonCompletionPercent <= 100, "lessonCompletionPercent within 1..100");
        require(courseCompletionPercent >= 1 && courseCompletionPercent <= 100, "courseCompletionPercent within 1..100");
        require(passingScore >= 0 && passingScore <= 100, "passingScore within 0..100");
        require(heartbeatSeconds >= 1 && heartbeatSeconds <= 300, "heartbeatSeconds within 1..300");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw DomainException.invalid("INVALID_POLICY", message, message);
        }
    }

    /** The id kept as evidence in grants, e.g. {@code SAEOPJU@2026-01-01#2}. */
    public String versionId() {
        return trainingType + "@" + effectiveFrom + "#" + version;
    }

    /** Whether opening the {@code n}-th distinct lesson (1-based) of an enrollment is a step-up point. */
    public boolean isStepUpPoint(int n) {
        return stepUpEveryLessons != null && (n - 1) % stepUpEveryLessons == 0;
    }
}

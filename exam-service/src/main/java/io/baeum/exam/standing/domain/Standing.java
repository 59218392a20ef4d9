package io.baeum.exam.standing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What learning-service last told us about a trainee in a course: the enrollment, its study period,
 * course progress and the progress of lessons (a local copy kept from {@code exam-events}).
 */
public record Standing(String accountId, String courseId, @Nullable String cohortId, boolean active, @Nullable LocalDate studyFrom,
                       @Nullable LocalDate studyTo, BigDecimal courseProgress, Map<String, BigDecimal> lessonProgress) {

    public Standing {
        lessonProgress = Map.copyOf(lessonProgress);
    }

    public BigDecimal lesson(String lessonId) {
        return lessonProgress.getOrDefault(lessonId, BigDecimal.ZERO);
    }
}

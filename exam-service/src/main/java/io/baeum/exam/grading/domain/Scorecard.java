package io.baeum.exam.grading.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * An attempt's result out of 100 from its graded parts: earned / possible × 100, minus a late
 * penalty (in % of the score), rounded to two decimals; passed at or above the pass mark.
 */
public record Scorecard(BigDecimal score, boolean passed) {

    /** One graded part: points earned of the possible. */
    public record Part(BigDecimal points, BigDecimal maxPoints) {
    }

    public static Scorecard of(Collection<Part> parts, int passScore, int latePenaltyPercent) {
        BigDecimal earned = parts.stream().map(Part::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal possible = parts.stream().map(Part::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal score = possible.signum() == 0 ? BigDecimal.ZERO
                : earned.multiply(BigDecimal.valueOf(100)).divide(possible, 4, RoundingMode.HALF_UP);
        if (latePenaltyPercent > 0) {
            score = score.multiply(BigDecimal.valueOf(100 - latePenaltyPercent)).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP);
        }
        score = score.setScale(2, RoundingMode.HALF_UP);
        return new Scorecard(score, score.compareTo(BigDecimal.valueOf(passScore)) >= 0);
    }

    /** A confirmed copied answer (모사답안): zero, failed. */
    public static Scorecard copied() {
        return new Scorecard(BigDecimal.ZERO.setScale(2), false);
    }
}

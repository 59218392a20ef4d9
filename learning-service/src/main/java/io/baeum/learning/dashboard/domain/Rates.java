package io.baeum.learning.dashboard.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as the dashboards show them: one decimal, half up, 0.0 of nothing. */
public final class Rates {

    private Rates() {
    }

    public static BigDecimal percent(long part, long whole) {
        if (whole <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}

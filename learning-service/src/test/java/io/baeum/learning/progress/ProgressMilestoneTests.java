package io.baeum.learning.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.baeum.learning.progress.domain.ProgressMilestone;

/** Course milestones (50 %, 80 %) are announced once, when progress crosses them. */
class ProgressMilestoneTests {

    @Test
    void aMilestoneIsCrossedOnceWhateverTheStep() {
        assertThat(crossed("0", "49.99")).isEmpty();
        assertThat(crossed("0", "50")).containsExactly(50);
        assertThat(crossed("33.33", "100")).containsExactly(50, 80);
        assertThat(crossed("50", "79.99")).isEmpty();
        assertThat(crossed("66.67", "83.33")).containsExactly(80);
        assertThat(crossed("80", "100")).isEmpty();
        assertThat(crossed("100", "100")).isEmpty();
    }

    private static java.util.List<Integer> crossed(String before, String after) {
        return ProgressMilestone.courseMilestones(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(), java.util.UUID.randomUUID(),
                        "a", new BigDecimal(before), new BigDecimal(after), java.time.Instant.EPOCH).stream()
                .map(m -> ((ProgressMilestone.CourseProgressMilestoneReached) m).milestone()).toList();
    }
}

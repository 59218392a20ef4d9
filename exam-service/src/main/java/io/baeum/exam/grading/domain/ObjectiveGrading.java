package io.baeum.exam.grading.domain;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.baeum.exam.attempt.domain.Response;
import io.baeum.exam.bank.domain.AnswerKey;
import io.baeum.exam.bank.domain.ItemType;

/**
 * Grading at submit. Choice items: full points when exactly the key's choices were chosen (multiple
 * choice has no partial credit). Short answers: full points when the normalised answer is accepted;
 * otherwise a person looks at it (it may be a correct variant the key missed). Essays: a person.
 */
public final class ObjectiveGrading {

    private ObjectiveGrading() {
    }

    /** Points earned, or empty when the part goes to the manual grading queue. */
    public static Optional<BigDecimal> grade(ItemType type, AnswerKey key, int points, @Nullable Response response) {
        boolean blank = response == null || response.isBlank();
        return switch (type) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE -> Optional.of(!blank && Set.copyOf(response.choices()).equals(key.choices())
                    ? BigDecimal.valueOf(points) : BigDecimal.ZERO);
            case SHORT_ANSWER -> blank ? Optional.of(BigDecimal.ZERO)
                    : key.accepts(response.text()) ? Optional.of(BigDecimal.valueOf(points)) : Optional.empty();
            case ESSAY -> blank ? Optional.of(BigDecimal.ZERO) : Optional.empty();
        };
    }

    /** Whether an objective answer is correct (for the copied-answer check). */
    public static boolean correct(ItemType type, AnswerKey key, Response response) {
        return type.hasChoices() ? Set.copyOf(response.choices()).equals(key.choices())
                : type == ItemType.SHORT_ANSWER && response.text() != null && key.accepts(response.text());
    }
}

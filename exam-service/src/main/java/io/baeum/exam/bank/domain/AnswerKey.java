package io.baeum.exam.bank.domain;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The answer key of an item: the correct choice numbers (1-based) of a choice item, the accepted
 * answers of a short-answer item (compared normalised), nothing for an essay. Never shown to a
 * trainee before their attempt is graded (E4).
 */
public record AnswerKey(Set<Integer> choices, List<String> accepted) {

    public AnswerKey {
        choices = Set.copyOf(new TreeSet<>(choices));
        accepted = List.copyOf(accepted);
    }

    public static AnswerKey ofChoices(Set<Integer> choices) {
        return new AnswerKey(choices, List.of());
    }

    public static AnswerKey ofAccepted(List<String> accepted) {
        return new AnswerKey(Set.of(), accepted);
    }

    public static AnswerKey none() {
        return new AnswerKey(Set.of(), List.of());
    }

    /** Whether a short answer matches one of the accepted answers once both are normalised. */
    public boolean accepts(String answer) {
        String given = ShortAnswers.normalise(answer);
        return !given.isEmpty() && accepted.stream().map(ShortAnswers::normalise).anyMatch(given::equals);
    }

    /** The key as the sheet writes it: {@code 2}, {@code 1,3} or {@code 객체지향|OOP}. */
    public String text() {
        return choices.isEmpty() ? String.join("|", accepted)
                : String.join(",", new TreeSet<>(choices).stream().map(String::valueOf).toList());
    }
}

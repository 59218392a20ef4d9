package io.baeum.exam.attempt.domain;

import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;
import io.baeum.exam.bank.domain.ItemType;

/** A trainee's answer to one part: chosen choice numbers, or text. */
public record Response(List<Integer> choices, @Nullable String text) {

    public static final int MAX_TEXT = 20_000;

    public Response {
        choices = List.copyOf(new TreeSet<>(choices));
    }

    public boolean isBlank() {
        return choices.isEmpty() && (text == null || text.isBlank());
    }

    /** Refuses an answer that does not fit the item (choices out of range, text for a choice item, ...). */
    public void checkFits(ItemType type, int choiceCount) {
        boolean fits = switch (type) {
            case SINGLE_CHOICE -> text == null && choices.size() <= 1 && choices.stream().allMatch(c -> c >= 1 && c <= choiceCount);
            case MULTIPLE_CHOICE -> text == null && choices.stream().allMatch(c -> c >= 1 && c <= choiceCount);
            case SHORT_ANSWER -> choices.isEmpty() && (text == null || text.length() <= 500);
            case ESSAY -> choices.isEmpty() && (text == null || text.length() <= MAX_TEXT);
        };
        if (!fits || text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw DomainException.invalid("ANSWER_DOES_NOT_FIT", "the answer does not fit the item");
        }
    }

    /** The canonical form compared across trainees (copied-answer check). */
    public String canonical() {
        return text != null ? text.strip() : String.join(",", choices.stream().map(String::valueOf).toList());
    }
}

package io.baeum.learning.playback.domain;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.baeum.common.error.DomainException;

/**
 * A quiz at a cue point of a lesson: the player pauses at {@code atSecond}; progress past it counts
 * only after a correct answer. The correct option and explanation never leave the server before the
 * trainee answered.
 */
public record CueQuiz(UUID id, UUID lessonId, int atSecond, String question, List<String> options, int correctOption,
                      String explanation) {

    public CueQuiz {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lessonId, "lessonId");
        options = List.copyOf(options);
        if (options.size() < 2) {
            throw DomainException.invalid("QUIZ_NEEDS_OPTIONS", "a quiz needs at least two options");
        }
        if (correctOption < 0 || correctOption >= options.size()) {
            throw DomainException.invalid("QUIZ_WITHOUT_CORRECT_OPTION", "the correct option must be one of the options",
                    correctOption);
        }
        if (atSecond < 0) {
            throw DomainException.invalid("INVALID_CUE_POINT", "a cue point is a second of the video");
        }
    }

    /** Refuses a cue point beyond the lesson's video. */
    public CueQuiz within(int durationSeconds) {
        if (atSecond > durationSeconds) {
            throw DomainException.invalid("INVALID_CUE_POINT", "the cue point lies beyond the video", durationSeconds);
        }
        return this;
    }

    public boolean isCorrect(int chosenOption) {
        if (chosenOption < 0 || chosenOption >= options.size()) {
            throw DomainException.invalid("INVALID_OPTION", "no such option", chosenOption);
        }
        return chosenOption == correctOption;
    }
}

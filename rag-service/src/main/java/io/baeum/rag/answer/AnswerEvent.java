package io.baeum.rag.answer;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What an answer stream carries, in order: tokens, then citations, then done (or a refusal, then done). */
public sealed interface AnswerEvent {

    /** The SSE event name. */
    String name();

    /** A piece of the answer text. */
    record Token(String text) implements AnswerEvent {
        public String name() {
            return "token";
        }
    }

    /** Where the answer comes from. */
    record Citations(List<Citation> items) implements AnswerEvent {
        public String name() {
            return "citations";
        }
    }

    /** The question was refused (R4); the evidence id points at the recorded refusal. */
    record Refusal(String code, String message, UUID evidenceId) implements AnswerEvent {
        public String name() {
            return "refusal";
        }
    }

    /**
     * The end.
     *
     * @param mode GENERATED, EXTRACTIVE, NO_ANSWER or REFUSED
     */
    record Done(@Nullable UUID conversationId, String mode) implements AnswerEvent {
        public String name() {
            return "done";
        }
    }

    /**
     * One source of the answer: the document, its course and lesson, the page (PDFs) and section, and a
     * short quote.
     */
    record Citation(int number, UUID documentId, String title, @Nullable String courseId, @Nullable String lessonId,
                    @Nullable Integer page, String section, String quote) {
    }
}

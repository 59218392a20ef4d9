package io.baeum.learning.completion.domain;

import java.util.List;
import java.util.Objects;

/** The result of a decision: the completion, whether it must be written, and the events it caused. */
public record CompletionChange(Completion completion, boolean changed, List<CompletionEvent> events) {

    public CompletionChange {
        Objects.requireNonNull(completion, "completion");
        events = List.copyOf(events);
    }

    /** The enrollment just became complete (first decision, or FAILED → COMPLETED). */
    public boolean becameCompleted() {
        return events.stream().anyMatch(CompletionEvent.CourseCompleted.class::isInstance);
    }

    /** The enrollment lost a completion it had (COMPLETED → FAILED). */
    public boolean lostCompletion() {
        return events.stream().anyMatch(e -> e instanceof CompletionEvent.CourseFailed f && "COMPLETED".equals(f.previousOutcome()));
    }
}

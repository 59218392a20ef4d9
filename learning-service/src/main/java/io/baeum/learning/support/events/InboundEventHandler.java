package io.baeum.learning.support.events;

import reactor.core.publisher.Mono;

import io.baeum.common.events.DomainEvent;
import io.baeum.common.events.MalformedEventException;

/**
 * What a feature does with one type of domain event arriving on {@code learning-events}. The
 * {@link LearningEventsListener} picks the handler by the event's type, claims the event id in the inbox under
 * {@link #consumer()} and runs the effect in that same transaction.
 */
public interface InboundEventHandler {

    /** The CloudEvent type handled, e.g. {@code io.baeum.exam.ExamResultRecorded.v1}. */
    String type();

    /** The inbox consumer name (event ids are unique per consumer). */
    String consumer();

    /**
     * Reads and checks the event's data now (a malformed event throws {@link MalformedEventException} or
     * {@link IllegalArgumentException} and goes to the DLQ untouched) and returns its effect, run later inside
     * the inbox transaction. A {@code DomainException} from the effect (e.g. an unknown enrollment) rolls the
     * transaction back and sends the event to the DLQ with the exception's code.
     */
    Mono<Void> prepare(DomainEvent event);
}

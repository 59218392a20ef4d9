package io.baeum.learning.support.events;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.common.events.DomainEventCodec;
import io.baeum.common.events.OutboxWriter;

/**
 * Writes the domain events of learning-service's aggregates to the outbox, in the caller's transaction, once
 * per consumer queue (SQS has no fan-out; common-lib's relay sends each row to its queue). The CloudEvent type
 * is {@code io.baeum.learning.<RecordName>.v1}, the record is the {@code data}; each queue's copy has its own
 * event id (the consumers' inboxes are per queue). The routing table below is the one list of who gets what
 * (learning-service/README.md, docs/architecture.md).
 */
@Component
public class LearningEvents {

    public static final URI SOURCE = URI.create("/learning-service");
    public static final String EXAM = "exam-events";
    public static final String BILLING = "billing-events";
    public static final String RAG = "rag-events";

    /** Event record name → the consumer queues that receive it. */
    static final Map<String, List<String>> ROUTES = Map.ofEntries(
            Map.entry("EnrollmentApplied", List.of(BILLING)),
            Map.entry("EnrollmentActivated", List.of(EXAM, BILLING, RAG)),
            Map.entry("EnrollmentRejected", List.of(BILLING)),
            Map.entry("EnrollmentCancelled", List.of(EXAM, BILLING, RAG)),
            Map.entry("CohortScheduled", List.of(EXAM, BILLING)),
            // progress milestones: exam opens stage evaluations and the final exam by them (its standing copy)
            Map.entry("LessonCompleted", List.of(EXAM, RAG)),
            Map.entry("CourseProgressMilestoneReached", List.of(EXAM)),
            // completion: billing (no refund after completion), rag (the study assistant), exam (standing)
            Map.entry("CourseCompleted", List.of(EXAM, BILLING, RAG)),
            Map.entry("CourseFailed", List.of(EXAM, BILLING, RAG)),
            Map.entry("CertificateIssued", List.of(BILLING)),
            Map.entry("CertificateRevoked", List.of(BILLING)));

    private final OutboxWriter outbox;
    private final DomainEventCodec codec;
    private final Clock clock;

    LearningEvents(OutboxWriter outbox, DomainEventCodec codec, Clock clock) {
        this.outbox = outbox;
        this.codec = codec;
        this.clock = clock;
    }

    public static String type(Object event) {
        return "io.baeum.learning." + event.getClass().getSimpleName() + ".v1";
    }

    /** The queues an event goes to; an event without a route is a programming error. */
    public static List<String> destinations(Object event) {
        List<String> queues = ROUTES.get(event.getClass().getSimpleName());
        if (queues == null) {
            throw new IllegalArgumentException("no route for " + event.getClass().getName());
        }
        return queues;
    }

    /** Appends every event, in order, for each of its queues; call inside the transaction of the change. */
    public Mono<Void> publish(String subject, List<?> events) {
        return Flux.fromIterable(events)
                .concatMap(event -> Flux.fromIterable(destinations(event))
                        .concatMap(queue -> outbox.append(queue, codec.create(type(event), SOURCE, subject, event, clock))))
                .then();
    }
}

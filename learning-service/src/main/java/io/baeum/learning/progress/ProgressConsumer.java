package io.baeum.learning.progress;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import io.baeum.contract.progress.ProgressBatch;
import io.baeum.contract.progress.ProgressEvent;
import io.baeum.learning.completion.CompletionService;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.progress.domain.BatchPlan;
import io.baeum.learning.progress.domain.BatchPlan.Key;
import io.baeum.learning.progress.domain.LessonCompletion;
import io.baeum.learning.progress.domain.ProgressMilestone;
import io.baeum.learning.progress.domain.WatchedSeconds;
import io.baeum.learning.progress.persistence.ProgressWriter;
import io.baeum.learning.progress.persistence.ProgressWriter.Evaluated;
import io.baeum.learning.progress.persistence.ProgressWriter.Target;
import io.baeum.learning.support.events.LearningEvents;

/**
 * Applies a verified progress batch in one transaction: claims the event ids in the inbox (only new
 * events go further), merges watched seconds, study time and resume positions per lesson, evaluates
 * lesson completion by the policy in force, records study days, recomputes course progress, announces
 * completed lessons and course milestones (50 %, 80 %) through the outbox, lets completion reconsider and
 * appends evidence. Applying a batch again, or batches in any order, leaves the same state (H1).
 */
@Service
public class ProgressConsumer {

    private static final Logger log = LoggerFactory.getLogger(ProgressConsumer.class);

    private final ProgressWriter writer;
    private final LearningEvents events;
    private final CompletionService completions;
    private final Clock clock;
    private final TransactionalOperator tx;
    private final LearningProperties properties;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter orphaned;

    ProgressConsumer(ProgressWriter writer, TransactionalOperator tx, LearningProperties properties, MeterRegistry meters,
                     LearningEvents events, CompletionService completions, Clock clock) {
        this.writer = writer;
        this.events = events;
        this.completions = completions;
        this.clock = clock;
        this.tx = tx;
        this.properties = properties;
        this.applied = Counter.builder("baeum.progress.events").tag("outcome", "applied").register(meters);
        this.duplicates = Counter.builder("baeum.progress.events").tag("outcome", "duplicate").register(meters);
        this.orphaned = Counter.builder("baeum.progress.events").tag("outcome", "orphaned").register(meters);
    }

    /** How many events of a batch were applied, already applied before, or about unknown enrollments/lessons. */
    public record Outcome(int applied, int duplicates, int orphaned) {
    }

    public Mono<Outcome> apply(ProgressBatch batch) {
        Map<String, ProgressEvent> unique = new LinkedHashMap<>();
        for (ProgressEvent event : batch.events()) {
            unique.putIfAbsent(event.eventId().toString(), event);
        }
        return writer.claim(unique.keySet())
                .flatMap(fresh -> {
                    List<ProgressEvent> events = fresh.stream().map(unique::get).toList();
                    int duplicateCount = batch.events().size() - events.size();
                    return applyFresh(events).map(orphans -> new Outcome(events.size() - orphans, duplicateCount, orphans));
                })
                .as(tx::transactional)
                .doOnNext(outcome -> {
                    applied.increment(outcome.applied());
                    duplicates.increment(outcome.duplicates());
                    orphaned.increment(outcome.orphaned());
                    if (outcome.orphaned() > 0) {
                        log.warn("batch {}: {} events name an unknown enrollment or lesson, or another account, and were not applied",
                                batch.batchId(), outcome.orphaned());
                    }
                });
    }

    private Mono<Integer> applyFresh(List<ProgressEvent> events) {
        if (events.isEmpty()) {
            return Mono.just(0);
        }
        Set<Key> keys = new LinkedHashSet<>();
        for (ProgressEvent event : events) {
            Key key = key(event);
            if (key != null) {
                keys.add(key);
            }
        }
        return writer.targets(keys).flatMap(targets -> {
            List<BatchPlan.Resolved> resolved = new ArrayList<>();
            for (ProgressEvent event : events) {
                Key key = key(event);
                Target target = key == null ? null : targets.get(key);
                if (target != null && target.accountId().equals(event.accountId())) {
                    resolved.add(new BatchPlan.Resolved(event, key.enrollmentId(), key.lessonId()));
                }
            }
            int orphans = events.size() - resolved.size();
            BatchPlan plan = BatchPlan.of(resolved, properties.zone());
            // course progress changes only when a lesson becomes complete
            Map<UUID, List<Evaluated>> newlyCompleted = new LinkedHashMap<>();
            return writer.merge(plan.deltas())
                    .map(merged -> {
                        Evaluated evaluated = evaluate(merged, targets.get(merged.key()));
                        if (evaluated.completed() && !merged.completed()) {
                            newlyCompleted.computeIfAbsent(merged.key().enrollmentId(), id -> new ArrayList<>()).add(evaluated);
                        }
                        return evaluated;
                    })
                    .collectList()
                    .flatMap(writer::evaluate)
                    .then(writer.studyDays(plan.studyDays()))
                    .then(Mono.defer(() -> milestones(newlyCompleted)))
                    .then(writer.appendEvidence(plan.evidence()))
                    .thenReturn(orphans);
        });
    }

    /**
     * Recomputes course progress where a lesson was completed, announces the completed lessons and the course
     * milestones crossed (outbox, this transaction), and lets completion reconsider the enrollments that grew.
     */
    private Mono<Void> milestones(Map<UUID, List<Evaluated>> newlyCompleted) {
        Instant now = clock.instant();
        return writer.courseProgress(newlyCompleted.keySet())
                .concatMap(cp -> {
                    List<ProgressMilestone> facts = new ArrayList<>();
                    for (Evaluated lesson : newlyCompleted.getOrDefault(cp.enrollmentId(), List.of())) {
                        facts.add(new ProgressMilestone.LessonCompleted(cp.enrollmentId(), cp.cohortId(), cp.courseId(), cp.accountId(),
                                lesson.key().lessonId(), lesson.percent(), cp.after(), now));
                    }
                    facts.addAll(ProgressMilestone.courseMilestones(cp.enrollmentId(), cp.cohortId(), cp.courseId(), cp.accountId(),
                            cp.before(), cp.after(), now));
                    return events.publish(cp.enrollmentId().toString(), facts)
                            .thenReturn(cp);
                })
                .filter(cp -> cp.after().compareTo(cp.before()) > 0)
                .map(ProgressWriter.CourseProgress::enrollmentId)
                .collectList()
                .flatMap(completions::progressChanged);
    }

    private static Evaluated evaluate(ProgressWriter.Merged merged, Target target) {
        WatchedSeconds watched = WatchedSeconds.fromBitString(merged.watched());
        int within = watched.countWithin(target.durationSeconds());
        LessonCompletion completion = LessonCompletion.of(target.creditMode(), within, target.durationSeconds(),
                merged.studyMillis(), target.recognisedSeconds(), target.completionPercent());
        return new Evaluated(merged.key(), within, Math.min(watched.furthest(), target.durationSeconds()), completion.percent(),
                completion.completed());
    }

    private static Key key(ProgressEvent event) {
        try {
            return new Key(UUID.fromString(event.enrollmentId()), UUID.fromString(event.lessonId()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

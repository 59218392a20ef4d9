package io.baeum.learning.completion;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.learning.certificate.CertificateService;
import io.baeum.learning.completion.domain.Completion;
import io.baeum.learning.completion.domain.CompletionChange;
import io.baeum.learning.completion.domain.CompletionDecision;
import io.baeum.learning.completion.domain.CompletionRule;
import io.baeum.learning.completion.domain.EvaluationKind;
import io.baeum.learning.completion.domain.Trigger;
import io.baeum.learning.completion.persistence.CompletionStore;
import io.baeum.learning.config.LearningProperties;
import io.baeum.learning.support.events.LearningEvents;

/**
 * Completion (수료) use cases. Results from exam-service are stored (highest revision per attempt) and the
 * enrollment reconsidered; progress growth and the end of a cohort reconsider too. A decision is taken by
 * {@link CompletionRule} under the enrollment's row lock, written with its criteria (latest + history), announced
 * through the outbox, and a completion issues the certificate — all in the caller's transaction.
 */
@Service
public class CompletionService {

    private static final Logger log = LoggerFactory.getLogger(CompletionService.class);

    private final CompletionStore store;
    private final CertificateService certificates;
    private final LearningEvents events;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final LearningProperties properties;

    CompletionService(CompletionStore store, CertificateService certificates, LearningEvents events, TransactionalOperator tx,
                      Clock clock, LearningProperties properties) {
        this.store = store;
        this.certificates = certificates;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
    }

    /** A result revision from exam-service, checked by the messaging adapter. */
    public record ResultReceived(UUID attemptId, UUID evaluationId, EvaluationKind kind, UUID courseId, @Nullable UUID cohortId,
                                 String traineeId, int attemptNo, BigDecimal score, int passScore, boolean passed, boolean onTime,
                                 boolean autoSubmitted, boolean blank, @Nullable Instant submittedAt, Instant gradedAt,
                                 int revision, @Nullable String reason) {
    }

    /**
     * Stores the result and reconsiders the enrollment; runs in the caller's (the inbox's) transaction. An unknown
     * trainee/course/cohort is refused ({@code ENROLLMENT_NOT_FOUND}); an older or equal revision changes nothing.
     */
    public Mono<Void> resultRecorded(ResultReceived r) {
        return store.findLearner(r.traineeId(), r.courseId(), r.cohortId())
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("ENROLLMENT_NOT_FOUND",
                        "no active enrollment of the trainee in course " + r.courseId())))
                .flatMap(learner -> store.lock(learner.enrollmentId())
                        .then(store.record(learner, new CompletionStore.ResultRow(r.attemptId(), r.evaluationId(), r.kind(),
                                r.attemptNo(), r.score(), r.passScore(), r.passed(), r.onTime(), r.autoSubmitted(), r.blank(),
                                r.submittedAt(), r.gradedAt(), r.revision(), r.reason())))
                        .flatMap(changed -> changed ? reconsider(learner.enrollmentId(), Trigger.RESULT) : Mono.empty()))
                .then();
    }

    /** Course progress of these enrollments grew (the progress consumer's transaction). */
    public Mono<Void> progressChanged(Collection<UUID> enrollmentIds) {
        return store.affectedByProgress(enrollmentIds)
                .concatMap(id -> reconsider(id, Trigger.PROGRESS))
                .then();
    }

    /** Decides undecided enrollments of cohorts that ended more than the grace days ago; emits how many were decided. */
    public Mono<Long> sweepEndedCohorts(int graceDays, int batch) {
        LocalDate endedBefore = LocalDate.now(clock.withZone(properties.zone())).minusDays(graceDays);
        return store.undecidedOfEndedCohorts(endedBefore, batch)
                .concatMap(id -> reconsider(id, Trigger.COURSE_ENDED).as(tx::transactional)
                        .onErrorResume(e -> {
                            log.warn("completion sweep could not decide enrollment {}: {}", id, e.toString());
                            return Mono.empty();
                        }))
                .count();
    }

    /** Decides or re-decides one enrollment, in the caller's transaction. */
    Mono<Void> reconsider(UUID enrollmentId, Trigger trigger) {
        return store.lockInputs(enrollmentId).flatMap(in -> {
            if (!in.active() && in.existing().isEmpty()) {
                return Mono.empty();
            }
            boolean hasFinal = in.results().stream().anyMatch(r -> r.kind() == EvaluationKind.FINAL);
            if (!CompletionRule.isDue(in.existing().isPresent(), trigger, hasFinal, in.progressPercent(), in.policy())) {
                return Mono.empty();
            }
            CompletionDecision decision = CompletionRule.decide(in.policy(), in.progressPercent(), in.results(), in.courseEvaluations());
            Instant now = clock.instant();
            CompletionChange change = in.existing()
                    .map(c -> c.redecide(in.policy(), decision, trigger, now))
                    .orElseGet(() -> Completion.first(in.learner(), in.policy(), decision, trigger, now));
            if (!change.changed()) {
                return Mono.empty();
            }
            Completion.Learner l = in.learner();
            Mono<Void> certificate = Mono.empty();
            if (change.becameCompleted()) {
                certificate = certificates.issueFor(new CertificateService.Holder(l.enrollmentId(), l.cohortId(), l.courseId(),
                        l.accountId())).then();
            } else if (change.lostCompletion()) {
                certificate = certificates.revokeFor(l.enrollmentId(), "수료 취소 (completion withdrawn): "
                        + String.join(", ", decision.unmet()), CertificateService.SYSTEM);
            }
            return store.save(change.completion())
                    .then(events.publish(enrollmentId.toString(), change.events()))
                    .then(certificate);
        });
    }

    /** Runs {@link #reconsider} in its own transaction (tests, admin tools). */
    public Mono<Void> reconsiderNow(UUID enrollmentId, Trigger trigger) {
        return reconsider(enrollmentId, trigger).as(tx::transactional);
    }

}

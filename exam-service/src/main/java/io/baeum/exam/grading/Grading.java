package io.baeum.exam.grading;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.exam.attempt.domain.Attempt;
import io.baeum.exam.attempt.domain.AttemptStatus;
import io.baeum.exam.attempt.persistence.AttemptStore;
import io.baeum.exam.bank.QuestionBank;
import io.baeum.exam.bank.domain.Item;
import io.baeum.exam.evaluation.Evaluations;
import io.baeum.exam.evaluation.domain.Evaluation;
import io.baeum.exam.evaluation.domain.EvaluationKind;
import io.baeum.exam.evidence.EvidenceLog;
import io.baeum.exam.evidence.Origin;
import io.baeum.exam.grading.domain.ObjectiveGrading;
import io.baeum.exam.grading.domain.Scorecard;
import io.baeum.exam.grading.messaging.ResultEvents;
import io.baeum.exam.grading.persistence.GradeStore;

/**
 * Grading: objective parts at submit, the rest by a person; the result (score, pass, on time) once
 * every part is graded, sent to learning-service through the outbox. Regrades are appended, never
 * edited; a confirmed copied answer sets the score to 0 with its reason.
 */
@Service
public class Grading {

    public static final String SYSTEM = "system";
    public static final String COPIED_ANSWER = "COPIED_ANSWER";

    private final GradeStore grades;
    private final AttemptStore attempts;
    private final QuestionBank bank;
    private final Evaluations evaluations;
    private final ResultEvents results;
    private final EvidenceLog evidence;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final MeterRegistry meters;

    Grading(GradeStore grades, AttemptStore attempts, QuestionBank bank, Evaluations evaluations, ResultEvents results, EvidenceLog evidence,
            TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        this.grades = grades;
        this.attempts = attempts;
        this.bank = bank;
        this.evaluations = evaluations;
        this.results = results;
        this.evidence = evidence;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    /** Grades what a machine can of a just-submitted attempt (caller's transaction); the result if nothing is left for a person. */
    public Mono<Attempt> gradeSubmitted(Attempt attempt, Evaluation e) {
        if (e.kind() == EvaluationKind.ASSIGNMENT) {
            if (!Boolean.TRUE.equals(attempt.blank())) {
                return Mono.just(attempt);
            }
            return grades.insert(automatic(attempt.id(), attempt.id(), BigDecimal.ZERO, e.assignmentPoints()))
                    .then(finishIfComplete(attempt, e, null));
        }
        return Mono.zip(attempts.items(attempt.id()).collectList(), attempts.answers(attempt.id()))
                .flatMap(t -> bank.findAll(t.getT1()).concatMap(item -> {
                    var saved = t.getT2().get(item.id());
                    Optional<BigDecimal> points = ObjectiveGrading.grade(item.content().type(), item.content().key(), item.content().points(),
                            saved == null ? null : saved.response());
                    return points.isEmpty() ? Mono.empty()
                            : grades.insert(automatic(attempt.id(), item.id(), points.get(), item.content().points()));
                }).then())
                .then(finishIfComplete(attempt, e, null));
    }

    private GradeStore.Grade automatic(UUID attemptId, UUID partId, BigDecimal points, int max) {
        return new GradeStore.Grade(attemptId, partId, points, BigDecimal.valueOf(max), true, null, List.of(), SYSTEM, clock.instant());
    }

    /** A person's grade of a part waiting in the queue. */
    public Mono<Attempt> grade(UUID attemptId, UUID partId, BigDecimal points, @Nullable String feedback, List<GradeStore.RubricLine> rubric,
                               String grader, Origin origin) {
        return attempts.lock(attemptId)
                .switchIfEmpty(Mono.error(Attempt::notFound))
                .zipWhen(a -> evaluations.find(a.evaluationId()))
                .flatMap(t -> {
                    Attempt a = t.getT1();
                    Evaluation e = t.getT2();
                    if (a.status() == AttemptStatus.IN_PROGRESS) {
                        return Mono.error(DomainException.conflict("ATTEMPT_NOT_SUBMITTED", "the attempt is not submitted yet"));
                    }
                    return maxPoints(a, e, partId).flatMap(max -> {
                        checkPoints(points, max);
                        return grades.insert(new GradeStore.Grade(a.id(), partId, points, BigDecimal.valueOf(max), false, feedback, rubric, grader,
                                        clock.instant()))
                                .flatMap(inserted -> inserted ? Mono.<Void>empty()
                                        : Mono.error(DomainException.conflict("ALREADY_GRADED", "the part is graded; send a regrade with a reason")))
                                .then(evidence.record(a.traineeId(), grader, EvidenceLog.Action.GRADED, e.id(), a.id(), origin,
                                        Map.of("partId", partId, "points", points, "maxPoints", max)))
                                .then(a.status() == AttemptStatus.SUBMITTED ? finishIfComplete(a, e, null) : Mono.just(a));
                    });
                })
                .as(tx::transactional);
    }

    /** A regrade: appended (old, new, reason, who); a graded attempt's result is recomputed and sent again. */
    public Mono<Attempt> regrade(UUID attemptId, UUID partId, BigDecimal points, @Nullable String feedback, String reason, String grader,
                                 Origin origin) {
        return attempts.lock(attemptId)
                .switchIfEmpty(Mono.error(Attempt::notFound))
                .zipWhen(a -> evaluations.find(a.evaluationId()))
                .flatMap(t -> {
                    Attempt a = t.getT1();
                    Evaluation e = t.getT2();
                    return grades.ofAttempt(a.id()).filter(g -> g.partId().equals(partId)).next()
                            .switchIfEmpty(Mono.error(() -> DomainException.notFound("GRADE_NOT_FOUND", "the part has no grade yet")))
                            .flatMap(current -> {
                                checkPoints(points, current.maxPoints().intValue());
                                return grades.regrade(current, points, feedback, reason, grader, clock.instant())
                                        .then(evidence.record(a.traineeId(), grader, EvidenceLog.Action.REGRADED, e.id(), a.id(), origin,
                                                Map.of("partId", partId, "oldPoints", current.points(), "newPoints", points, "reason", reason)));
                            })
                            .then(a.status() == AttemptStatus.GRADED && !COPIED_ANSWER.equals(a.scoreReason())
                                    ? finish(a, e, "REGRADED") : Mono.just(a));
                })
                .as(tx::transactional);
    }

    /** A confirmed copied answer (모사답안): score 0, failed, with the reason; sent to learning (caller's transaction). */
    public Mono<Attempt> zeroForCopying(UUID attemptId) {
        return attempts.lock(attemptId)
                .switchIfEmpty(Mono.error(Attempt::notFound))
                .zipWhen(a -> evaluations.find(a.evaluationId()))
                .flatMap(t -> {
                    Attempt zeroed = t.getT1().graded(Scorecard.copied().score(), false, COPIED_ANSWER);
                    return attempts.update(zeroed).then(results.recorded(zeroed, t.getT2())).thenReturn(zeroed);
                });
    }

    public Flux<GradeStore.Grade> gradesOf(UUID attemptId) {
        return grades.ofAttempt(attemptId);
    }

    public Flux<Map<String, Object>> changesOf(UUID attemptId) {
        return grades.changes(attemptId);
    }

    public Flux<GradeStore.Pending> queue(GradeStore.QueueFilter filter, io.baeum.exam.paging.Paging paging) {
        return grades.pending(filter, paging);
    }

    public Mono<Long> queueSize(GradeStore.QueueFilter filter) {
        return grades.countPending(filter);
    }

    private Mono<Integer> maxPoints(Attempt a, Evaluation e, UUID partId) {
        if (e.kind() == EvaluationKind.ASSIGNMENT) {
            return partId.equals(a.id()) ? Mono.just(e.assignmentPoints()) : Mono.error(partNotFound());
        }
        return attempts.items(a.id()).filter(partId::equals).next()
                .switchIfEmpty(Mono.error(Grading::partNotFound))
                .flatMap(bank::find).map(item -> item.content().points());
    }

    private static DomainException partNotFound() {
        return DomainException.notFound("PART_NOT_FOUND", "the attempt has no such item");
    }

    private static void checkPoints(BigDecimal points, int max) {
        if (points.signum() < 0 || points.compareTo(BigDecimal.valueOf(max)) > 0 || points.scale() > 2) {
            throw DomainException.invalid("POINTS_OUT_OF_RANGE", "points must be within 0.." + max, max);
        }
    }

    private Mono<Attempt> finishIfComplete(Attempt a, Evaluation e, @Nullable String reason) {
        Mono<Integer> parts = e.kind() == EvaluationKind.ASSIGNMENT ? Mono.just(1) : attempts.items(a.id()).count().map(Long::intValue);
        return Mono.zip(parts, grades.ofAttempt(a.id()).count())
                .flatMap(t -> t.getT2() >= t.getT1() ? finish(a, e, reason) : Mono.just(a));
    }

    private Mono<Attempt> finish(Attempt a, Evaluation e, @Nullable String reason) {
        int penalty = e.kind() == EvaluationKind.ASSIGNMENT && !Boolean.TRUE.equals(a.onTime()) ? e.rules().latePenaltyPercent() : 0;
        return grades.ofAttempt(a.id()).map(g -> new Scorecard.Part(g.points(), g.maxPoints())).collectList()
                .map(parts -> Scorecard.of(parts, e.passScore(), penalty))
                .flatMap(card -> {
                    Attempt graded = a.graded(card.score(), card.passed(), reason);
                    meters.counter("baeum.exam.results", "passed", Boolean.toString(card.passed())).increment();
                    return attempts.update(graded)
                            .then(results.recorded(graded, e))
                            .then(evidence.record(a.traineeId(), SYSTEM, EvidenceLog.Action.RESULT_RECORDED, e.id(), a.id(), Origin.SYSTEM,
                                    Map.of("score", card.score(), "passed", card.passed(), "revision", graded.resultRevision())))
                            .thenReturn(graded);
                });
    }

    /** Items by id, for views that show keys after grading. */
    public Flux<Item> items(List<UUID> ids) {
        return bank.findAll(ids);
    }
}

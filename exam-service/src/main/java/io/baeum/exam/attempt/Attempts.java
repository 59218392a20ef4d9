package io.baeum.exam.attempt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.security.SecureRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.common.security.VerifiedAccessToken;
import io.baeum.exam.assignment.persistence.FileStore;
import io.baeum.exam.attempt.domain.Attempt;
import io.baeum.exam.attempt.domain.Reexam;
import io.baeum.exam.attempt.domain.Response;
import io.baeum.exam.attempt.domain.StepUp;
import io.baeum.exam.attempt.persistence.AttemptStore;
import io.baeum.exam.config.ExamProperties;
import io.baeum.exam.evaluation.Evaluations;
import io.baeum.exam.evaluation.domain.Evaluation;
import io.baeum.exam.evaluation.domain.EvaluationKind;
import io.baeum.exam.evaluation.domain.EvaluationStatus;
import io.baeum.exam.evaluation.domain.ItemDraw;
import io.baeum.exam.evaluation.domain.Opening;
import io.baeum.exam.evidence.EvidenceLog;
import io.baeum.exam.evidence.Origin;
import io.baeum.exam.grading.Grading;
import io.baeum.exam.standing.domain.Standing;
import io.baeum.exam.standing.persistence.StandingStore;

/**
 * Attempts on the server's clock: start (one attempt however many concurrent starts), autosave,
 * submit, and the sweep that submits overdue attempts at their deadline. Every step is recorded as
 * evidence in the same transaction.
 */
@Service
public class Attempts {

    private final AttemptStore attempts;
    private final Evaluations evaluations;
    private final StandingStore standings;
    private final FileStore files;
    private final Grading grading;
    private final EvidenceLog evidence;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final ExamProperties properties;
    private final Random random = new SecureRandom();
    private final Counter started;
    private final Counter submitted;
    private final Counter autoSubmitted;
    private final Counter saves;

    Attempts(AttemptStore attempts, Evaluations evaluations, StandingStore standings, FileStore files, Grading grading, EvidenceLog evidence,
             TransactionalOperator tx, Clock clock, ExamProperties properties, MeterRegistry meters) {
        this.attempts = attempts;
        this.evaluations = evaluations;
        this.standings = standings;
        this.files = files;
        this.grading = grading;
        this.evidence = evidence;
        this.tx = tx;
        this.clock = clock;
        this.properties = properties;
        this.started = Counter.builder("baeum.exam.attempts.started").description("attempts started").register(meters);
        this.submitted = Counter.builder("baeum.exam.attempts.submitted").tag("by", "trainee").description("attempts submitted").register(meters);
        this.autoSubmitted = Counter.builder("baeum.exam.attempts.submitted").tag("by", "sweep").description("attempts submitted").register(meters);
        this.saves = Counter.builder("baeum.exam.answers.saved").description("answers autosaved").register(meters);
    }

    /** The started (or resumed) attempt. */
    public record Started(Attempt attempt, boolean resumed) {
    }

    /**
     * Starts an attempt, or resumes the open one. Concurrent starts race on the attempt's unique key:
     * one insert wins, the others find the winner and resume it.
     */
    public Mono<Started> start(UUID evaluationId, VerifiedAccessToken caller, Origin origin) {
        String trainee = caller.subject();
        Instant now = clock.instant();
        return evaluations.find(evaluationId)
                .filter(e -> e.status() != EvaluationStatus.DRAFT)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("EVALUATION_NOT_FOUND", "no such evaluation")))
                .flatMap(e -> standing(trainee, e).flatMap(standing -> {
                    checkOpening(e, standing);
                    return attempts.ofTrainee(e.id(), trainee).collectList().flatMap(previous -> {
                        Attempt open = previous.stream().filter(a -> !a.isSubmitted()).findFirst().orElse(null);
                        if (open != null && !open.isOverdue(now, grace())) {
                            return Mono.just(new Started(open, true));
                        }
                        Mono<List<Attempt>> settled = open == null ? Mono.just(previous)
                                : autoSubmit(open, e).then(attempts.ofTrainee(e.id(), trainee).collectList());
                        return settled.flatMap(list -> begin(e, standing, list, caller, origin, now));
                    });
                }))
                .as(tx::transactional);
    }

    private Mono<Standing> standing(String trainee, Evaluation e) {
        if (!properties.policy().requireEnrollment()) {
            return standings.find(trainee, e.courseId()).defaultIfEmpty(new Standing(trainee, e.courseId(), e.cohortId(), true, null, null,
                    java.math.BigDecimal.valueOf(100), Map.of()));
        }
        return standings.find(trainee, e.courseId())
                .switchIfEmpty(Mono.error(() -> DomainException.forbidden("NOT_ENROLLED", "no active enrollment in this evaluation's course")));
    }

    private void checkOpening(Evaluation e, Standing standing) {
        if (properties.policy().requireEnrollment()) {
            Opening.check(e, standing);
        }
    }

    private Mono<Started> begin(Evaluation e, Standing standing, List<Attempt> previous, VerifiedAccessToken caller, Origin origin, Instant now) {
        Instant cutOff;
        if (previous.size() < e.maxAttempts()) {
            if (now.isBefore(e.opensAt())) {
                return Mono.error(DomainException.conflict("EVALUATION_NOT_OPEN", "the evaluation is not open yet"));
            }
            if (!e.isOpenAt(now)) {
                return Mono.error(DomainException.conflict("EVALUATION_CLOSED", "the evaluation is closed"));
            }
            cutOff = e.regularCutOff();
        } else {
            LocalDate today = LocalDate.ofInstant(now, properties.zone());
            Reexam.check(e.rules(), e.maxAttempts(), previous, standing.studyTo(), today);
            cutOff = Reexam.lastDay(e.rules(), standing.studyTo()).plusDays(1).atStartOfDay(properties.zone()).toInstant();
        }
        if (e.kind() != EvaluationKind.ASSIGNMENT) {
            StepUp.check(e.rules().stepUpMaxAgeSeconds(), caller.identityVerifiedAt(), now);
        }
        int number = previous.size() + 1;
        Attempt attempt = Attempt.start(UUID.randomUUID(), e.id(), caller.subject(), number, now, e.deadlineFor(now, cutOff));
        return draw(e, caller.subject()).flatMap(items -> attempts.insertIfAbsent(attempt).flatMap(inserted -> {
            if (!inserted) {
                return attempts.byNumber(e.id(), caller.subject(), number)
                        .switchIfEmpty(Mono.error(() -> DomainException.conflict("ATTEMPT_CONFLICT", "another attempt is open")))
                        .map(winner -> new Started(winner, true));
            }
            started.increment();
            return attempts.insertItems(attempt.id(), items)
                    .then(evidence.record(caller.subject(), caller.subject(), EvidenceLog.Action.ATTEMPT_STARTED, e.id(), attempt.id(), origin,
                            Map.of("attemptNo", number, "deadline", attempt.deadline().toString(), "items", items.size())))
                    .thenReturn(new Started(attempt, false));
        }));
    }

    private Mono<List<UUID>> draw(Evaluation e, String trainee) {
        if (e.kind() == EvaluationKind.ASSIGNMENT) {
            return Mono.just(List.of());
        }
        return Mono.zip(evaluations.pools(e), attempts.seenItems(e.id(), trainee).collectList())
                .map(t -> ItemDraw.pick(e.selection(), t.getT1(), new HashSet<>(t.getT2()), random));
    }

    /**
     * Autosaves one answer. Idempotent: the same or an older client sequence number changes nothing
     * (true when this write is now the stored answer).
     */
    public Mono<Boolean> save(UUID attemptId, UUID partId, long seq, Response response, String trainee, Origin origin) {
        Instant now = clock.instant();
        return attempts.lockForAnswer(attemptId, partId)
                .switchIfEmpty(Mono.error(Attempt::notFound))
                .flatMap(target -> {
                    Attempt a = target.attempt().ownedBy(trainee);
                    a.ensureAcceptsAnswers(now, grace());
                    if (target.type() != null) {
                        response.checkFits(target.type(), target.choiceCount());
                    } else if (!partId.equals(a.id())) {
                        return Mono.error(DomainException.rule("ITEM_NOT_IN_ATTEMPT", "the item is not part of this attempt"));
                    } else {
                        // an assignment's text: the part is the attempt itself
                        response.checkFits(io.baeum.exam.bank.domain.ItemType.ESSAY, 0);
                        return evaluations.find(a.evaluationId())
                                .filter(e -> e.kind() == EvaluationKind.ASSIGNMENT)
                                .switchIfEmpty(Mono.error(() -> DomainException.rule("ITEM_NOT_IN_ATTEMPT", "the item is not part of this attempt")))
                                .flatMap(e -> store(a, partId, seq, response, trainee, origin, now));
                    }
                    return store(a, partId, seq, response, trainee, origin, now);
                })
                .doOnNext(applied -> saves.increment())
                .as(tx::transactional);
    }

    private Mono<Boolean> store(Attempt a, UUID partId, long seq, Response response, String trainee, Origin origin, Instant now) {
                    return attempts.saveAnswer(a.id(), partId, response, seq, now)
                            .flatMap(applied -> evidence.record(trainee, trainee, EvidenceLog.Action.ANSWER_SAVED, a.evaluationId(), a.id(), origin,
                                    Map.of("partId", partId, "seq", seq, "applied", applied)).thenReturn(applied));
    }

    /** Submits (idempotent: a submitted attempt is returned unchanged). Assignments need a fresh identity check. */
    public Mono<Attempt> submit(UUID attemptId, VerifiedAccessToken caller, Origin origin) {
        Instant now = clock.instant();
        return attempts.lock(attemptId)
                .switchIfEmpty(Mono.error(Attempt::notFound))
                .map(a -> a.ownedBy(caller.subject()))
                .flatMap(a -> a.isSubmitted() ? Mono.just(a) : evaluations.find(a.evaluationId()).flatMap(e -> {
                    if (e.kind() == EvaluationKind.ASSIGNMENT) {
                        StepUp.check(e.rules().stepUpMaxAgeSeconds(), caller.identityVerifiedAt(), now);
                    }
                    return blank(a, e).flatMap(blank -> {
                        Attempt done = a.submit(now, grace(), blank, onTimeUntil(a, e));
                        submitted.increment();
                        return attempts.update(done)
                                .then(evidence.record(a.traineeId(), caller.subject(), done.autoSubmitted() ? EvidenceLog.Action.ATTEMPT_AUTO_SUBMITTED
                                        : EvidenceLog.Action.ATTEMPT_SUBMITTED, e.id(), a.id(), origin, Map.of("submittedAt",
                                        done.submittedAt().toString(), "onTime", done.onTime(), "blank", blank)))
                                .then(grading.gradeSubmitted(done, e));
                    });
                }))
                .as(tx::transactional);
    }

    /** One pass of the sweep: submits overdue attempts at their deadline; emits how many. Safe on several instances. */
    public Mono<Integer> sweepOnce() {
        Instant cutOff = clock.instant().minus(grace());
        return attempts.lockOverdue(cutOff, properties.attempts().sweepBatch())
                .concatMap(a -> evaluations.find(a.evaluationId()).flatMap(e -> autoSubmit(a, e)))
                .count().map(Long::intValue)
                .as(tx::transactional);
    }

    private Mono<Attempt> autoSubmit(Attempt a, Evaluation e) {
        return blank(a, e).flatMap(blank -> {
            Attempt done = a.autoSubmit(blank, onTimeUntil(a, e));
            autoSubmitted.increment();
            return attempts.update(done)
                    .then(evidence.record(a.traineeId(), Grading.SYSTEM, EvidenceLog.Action.ATTEMPT_AUTO_SUBMITTED, e.id(), a.id(), Origin.SYSTEM,
                            Map.of("submittedAt", done.submittedAt().toString(), "deadline", a.deadline().toString(), "blank", blank)))
                    .then(grading.gradeSubmitted(done, e));
        });
    }

    private Mono<Boolean> blank(Attempt a, Evaluation e) {
        Mono<Boolean> answersBlank = attempts.answers(a.id()).map(m -> m.values().stream().allMatch(s -> s.response().isBlank()));
        if (e.kind() != EvaluationKind.ASSIGNMENT) {
            return answersBlank;
        }
        return answersBlank.zipWith(files.ofAttempt(a.id()).hasElements(), (text, hasFiles) -> text && !hasFiles);
    }

    private static Instant onTimeUntil(Attempt a, Evaluation e) {
        return e.kind() == EvaluationKind.ASSIGNMENT ? e.closesAt() : a.deadline();
    }

    private Duration grace() {
        return properties.attempts().saveGrace();
    }

    /** Everything a view of the attempt needs. */
    public record Sheet(Attempt attempt, Evaluation evaluation, List<io.baeum.exam.bank.domain.Item> items, Map<UUID, AttemptStore.SavedAnswer> answers,
                        List<io.baeum.exam.grading.persistence.GradeStore.Grade> grades, List<FileStore.SubmittedFile> files, Instant serverTime) {
    }

    /** The trainee's own attempt (E1: another trainee's is "not found"). */
    public Mono<Sheet> sheet(UUID attemptId, @Nullable String trainee) {
        return attempts.find(attemptId)
                .switchIfEmpty(Mono.error(Attempt::notFound))
                .map(a -> trainee == null ? a : a.ownedBy(trainee))
                .flatMap(a -> Mono.zip(evaluations.find(a.evaluationId()),
                                attempts.items(a.id()).collectList().flatMap(ids -> grading.items(ids).collectList()
                                        .map(list -> ids.stream().map(id -> list.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow()).toList())),
                                attempts.answers(a.id()), grading.gradesOf(a.id()).collectList(), files.ofAttempt(a.id()).collectList())
                        .map(t -> new Sheet(a, t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5(), clock.instant())));
    }

    public Mono<List<Attempt>> mine(String trainee, io.baeum.exam.paging.Paging paging) {
        return attempts.mine(trainee, paging).collectList();
    }

    public Mono<Long> countMine(String trainee) {
        return attempts.countMine(trainee);
    }

    public Mono<List<String>> activeCourses(String trainee) {
        return standings.activeCourses(trainee).collectList();
    }
}

package io.baeum.exam.similarity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.baeum.common.error.DomainException;
import io.baeum.exam.assignment.persistence.FileStore;
import io.baeum.exam.attempt.Attempts;
import io.baeum.exam.attempt.domain.Attempt;
import io.baeum.exam.attempt.persistence.AttemptStore;
import io.baeum.exam.bank.domain.Item;
import io.baeum.exam.bank.domain.ItemType;
import io.baeum.exam.config.ExamProperties;
import io.baeum.exam.evaluation.Evaluations;
import io.baeum.exam.evaluation.domain.Evaluation;
import io.baeum.exam.evaluation.domain.EvaluationKind;
import io.baeum.exam.evidence.EvidenceLog;
import io.baeum.exam.evidence.Origin;
import io.baeum.exam.grading.Grading;
import io.baeum.exam.grading.domain.ObjectiveGrading;
import io.baeum.exam.similarity.domain.Finding;
import io.baeum.exam.similarity.domain.IdenticalFiles;
import io.baeum.exam.similarity.domain.KoreanTokens;
import io.baeum.exam.similarity.domain.TextSimilarity;
import io.baeum.exam.similarity.domain.WrongAnswerIndex;
import io.baeum.exam.similarity.persistence.FlagStore;

/**
 * The copied-answer check (모사답안) of one evaluation's cohort: identical files, near-identical texts
 * (per essay item, and assignment texts), and identical improbable wrong answers on objective items.
 * Pairs over the thresholds become flags for the instructor; confirming one sets both attempts to 0
 * with the reason {@code COPIED_ANSWER}. Runs when an evaluation closes and on demand; a re-run adds no
 * duplicate flags.
 */
@Service
public class CopiedAnswers {

    private final Evaluations evaluations;
    private final AttemptStore attempts;
    private final Attempts sheets;
    private final FileStore files;
    private final FlagStore flags;
    private final Grading grading;
    private final EvidenceLog evidence;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final ExamProperties.Similarity thresholds;
    private final KoreanTokens tokens = new KoreanTokens();
    private final MeterRegistry meters;

    CopiedAnswers(Evaluations evaluations, AttemptStore attempts, Attempts sheets, FileStore files, FlagStore flags, Grading grading,
                  EvidenceLog evidence, TransactionalOperator tx, Clock clock, ExamProperties properties, MeterRegistry meters) {
        this.evaluations = evaluations;
        this.attempts = attempts;
        this.sheets = sheets;
        this.files = files;
        this.flags = flags;
        this.grading = grading;
        this.evidence = evidence;
        this.tx = tx;
        this.clock = clock;
        this.thresholds = properties.similarity();
        this.meters = meters;
        // loads Nori's dictionary now rather than in the first check an instructor runs
        tokens.of("캡슐화는 객체지향의 핵심 원리이다");
    }

    /** Runs the check; emits the number of new flags. */
    public Mono<Integer> check(UUID evaluationId, String actor) {
        return evaluations.find(evaluationId).flatMap(e -> attempts.submittedOf(e.id())
                .concatMap(a -> sheets.sheet(a.id(), null)).collectList()
                .zipWith(files.ofEvaluation(e.id()).collectList())
                .publishOn(Schedulers.boundedElastic())
                .map(t -> findings(e, t.getT1(), t.getT2()))
                .flatMap(found -> Flux.fromIterable(found)
                        .concatMap(f -> record(e, f, actor))
                        .filter(Boolean::booleanValue).count()
                        .map(Long::intValue)
                        .as(tx::transactional)));
    }

    private List<Finding> findings(Evaluation e, List<Attempts.Sheet> cohort, List<FileStore.SubmittedFile> submitted) {
        List<Finding> found = new ArrayList<>(new IdenticalFiles().findings(submitted.stream()
                .map(f -> new IdenticalFiles.File(f.attemptId().toString(), f.traineeId(), f.fileName(), f.sha256(), f.size())).toList()));
        TextSimilarity texts = new TextSimilarity(tokens, thresholds.shingleSize(), thresholds.minTokens(), thresholds.textThreshold());
        Map<String, List<TextSimilarity.Submission>> byPart = new LinkedHashMap<>();
        List<WrongAnswerIndex.Sheet> objective = new ArrayList<>();
        for (Attempts.Sheet sheet : cohort) {
            Attempt a = sheet.attempt();
            if (e.kind() == EvaluationKind.ASSIGNMENT) {
                var text = sheet.answers().get(a.id());
                if (text != null && text.response().text() != null) {
                    byPart.computeIfAbsent("assignment", k -> new ArrayList<>())
                            .add(new TextSimilarity.Submission(a.id().toString(), a.traineeId(), text.response().text()));
                }
                continue;
            }
            Map<String, String> answers = new HashMap<>();
            Map<String, Boolean> correct = new HashMap<>();
            for (Item item : sheet.items()) {
                var saved = sheet.answers().get(item.id());
                if (saved == null || saved.response().isBlank()) {
                    continue;
                }
                if (item.content().type() == ItemType.ESSAY) {
                    byPart.computeIfAbsent(item.id().toString(), k -> new ArrayList<>())
                            .add(new TextSimilarity.Submission(a.id().toString(), a.traineeId(), saved.response().text()));
                } else {
                    String key = item.content().type() == ItemType.SHORT_ANSWER
                            ? io.baeum.exam.bank.domain.ShortAnswers.normalise(saved.response().canonical()) : saved.response().canonical();
                    answers.put(item.id().toString(), key);
                    correct.put(item.id().toString(), ObjectiveGrading.correct(item.content().type(), item.content().key(), saved.response()));
                }
            }
            if (!answers.isEmpty()) {
                objective.add(new WrongAnswerIndex.Sheet(a.id().toString(), a.traineeId(), answers, correct));
            }
        }
        byPart.forEach((part, list) -> texts.findings(list).forEach(f -> {
            Map<String, Object> ev = new LinkedHashMap<>(f.evidence());
            ev.put("part", part);
            found.add(new Finding(f.kind(), f.first(), f.second(), f.score(), ev));
        }));
        found.addAll(new WrongAnswerIndex(thresholds.improbableShare(), thresholds.minCommonWrong(), thresholds.minRatio()).findings(objective));
        return found;
    }

    private Mono<Boolean> record(Evaluation e, Finding f, String actor) {
        // Finding orders the pair by the ids' text, which is PostgreSQL's uuid order (UUID.compareTo is signed: not the same)
        UUID first = UUID.fromString(f.first());
        UUID second = UUID.fromString(f.second());
        return flags.insert(UUID.randomUUID(), e.id(), f.kind().name(), first, second, f.score(), f.evidence(), clock.instant())
                .flatMap(inserted -> !inserted ? Mono.just(false) : Mono.zip(attempts.find(first), attempts.find(second))
                        .flatMap(t -> evidence.record(t.getT1().traineeId(), actor, EvidenceLog.Action.SIMILARITY_FLAGGED, e.id(), first,
                                        Origin.SYSTEM, Map.of("kind", f.kind().name(), "other", second, "score", f.score()))
                                .then(evidence.record(t.getT2().traineeId(), actor, EvidenceLog.Action.SIMILARITY_FLAGGED, e.id(), second,
                                        Origin.SYSTEM, Map.of("kind", f.kind().name(), "other", first, "score", f.score()))))
                        .doOnSuccess(v -> meters.counter("baeum.exam.similarity.flags", "kind", f.kind().name()).increment())
                        .thenReturn(true));
    }

    /** The instructor's decision: confirmed sets both attempts to 0 with the reason; dismissed only records it. */
    public Mono<FlagStore.Flag> decide(UUID flagId, boolean confirmed, String reason, String who, Origin origin) {
        return flags.lock(flagId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("FLAG_NOT_FOUND", "no such flag")))
                .flatMap(flag -> {
                    if (!"OPEN".equals(flag.status())) {
                        return Mono.error(DomainException.conflict("FLAG_DECIDED", "the flag was already decided"));
                    }
                    String status = confirmed ? "CONFIRMED" : "DISMISSED";
                    EvidenceLog.Action action = confirmed ? EvidenceLog.Action.SIMILARITY_CONFIRMED : EvidenceLog.Action.SIMILARITY_DISMISSED;
                    Map<String, Object> detail = Map.of("flagId", flag.id(), "kind", flag.kind(), "reason", reason);
                    Mono<Void> zero = confirmed ? grading.zeroForCopying(flag.attemptA()).then(grading.zeroForCopying(flag.attemptB())).then() : Mono.empty();
                    return flags.decide(flag.id(), status, who, reason, clock.instant())
                            .then(zero)
                            .then(evidence.record(flag.traineeA(), who, action, flag.evaluationId(), flag.attemptA(), origin, detail))
                            .then(evidence.record(flag.traineeB(), who, action, flag.evaluationId(), flag.attemptB(), origin, detail))
                            .then(flags.lock(flagId));
                })
                .as(tx::transactional);
    }

    public Flux<FlagStore.Flag> flags(UUID evaluationId, @org.jspecify.annotations.Nullable String status, io.baeum.exam.paging.Paging paging) {
        return flags.ofEvaluation(evaluationId, status, paging);
    }

    public Mono<Long> countFlags(UUID evaluationId) {
        return flags.countOfEvaluation(evaluationId);
    }

    /** Checks the evaluations whose window has closed and were not checked yet; emits how many. */
    public Mono<Integer> checkClosed() {
        return evaluations.closedUnchecked(20)
                .concatMap(id -> check(id, Grading.SYSTEM).then(evaluations.markChecked(id)).thenReturn(1))
                .count().map(Long::intValue);
    }
}

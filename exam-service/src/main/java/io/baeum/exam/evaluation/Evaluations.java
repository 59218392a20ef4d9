package io.baeum.exam.evaluation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.exam.bank.QuestionBank;
import io.baeum.exam.bank.domain.Item;
import io.baeum.exam.bank.persistence.ItemStore;
import io.baeum.exam.evaluation.domain.Evaluation;
import io.baeum.exam.evaluation.domain.EvaluationStatus;
import io.baeum.exam.evaluation.domain.Selection;
import io.baeum.exam.evaluation.persistence.EvaluationStore;

/** Creating, publishing (pool rule) and closing evaluations; what the other features read about them. */
@Service
public class Evaluations {

    private final EvaluationStore store;
    private final QuestionBank bank;
    private final TransactionalOperator tx;
    private final Clock clock;

    Evaluations(EvaluationStore store, QuestionBank bank, TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.bank = bank;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<Evaluation> create(Evaluation draft, String author) {
        return store.insert(draft, author, clock.instant()).thenReturn(draft);
    }

    public Mono<Evaluation> find(UUID id) {
        return store.find(id).switchIfEmpty(Mono.error(() -> DomainException.notFound("EVALUATION_NOT_FOUND", "no such evaluation")));
    }

    /** Publishes when every fixed item is a current item of the course and every draw's pool holds 3× its count. */
    public Mono<Evaluation> publish(UUID id) {
        return store.lock(id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("EVALUATION_NOT_FOUND", "no such evaluation")))
                .flatMap(e -> Mono.zip(poolSizes(e), fixedFound(e)).map(t -> e.publish(t.getT1(), t.getT2())))
                .flatMap(published -> store.updateStatus(id, EvaluationStatus.PUBLISHED).thenReturn(published))
                .as(tx::transactional);
    }

    public Mono<Evaluation> close(UUID id) {
        return store.lock(id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("EVALUATION_NOT_FOUND", "no such evaluation")))
                .map(Evaluation::close)
                .flatMap(closed -> store.updateStatus(id, EvaluationStatus.CLOSED).thenReturn(closed))
                .as(tx::transactional);
    }

    /** The pool of each draw, in order. */
    public Mono<List<List<UUID>>> pools(Evaluation e) {
        return Flux.fromIterable(e.selection().draws())
                .concatMap(d -> bank.pool(filter(e, d)).collectList())
                .collectList();
    }

    private Mono<List<Long>> poolSizes(Evaluation e) {
        return Flux.fromIterable(e.selection().draws()).concatMap(d -> bank.poolSize(filter(e, d))).collectList();
    }

    private Mono<Integer> fixedFound(Evaluation e) {
        return bank.findAll(e.selection().fixed())
                .filter(item -> item.current() && item.content().courseId().equals(e.courseId()))
                .map(Item::id).distinct().count().map(Long::intValue);
    }

    private static ItemStore.PoolFilter filter(Evaluation e, Selection.Draw d) {
        return new ItemStore.PoolFilter(e.courseId(), d.difficulty(), d.tag(), null);
    }

    public Flux<Evaluation> visibleIn(java.util.Collection<String> courseIds) {
        return store.visibleIn(courseIds);
    }

    public Flux<Evaluation> ofCourse(String courseId, io.baeum.exam.paging.Paging paging) {
        return store.ofCourse(courseId, paging);
    }

    public Mono<Long> countOfCourse(String courseId) {
        return store.countOfCourse(courseId);
    }

    public Flux<UUID> closedUnchecked(int limit) {
        return store.closedUnchecked(clock.instant(), limit);
    }

    public Mono<Void> markChecked(UUID id) {
        return store.markChecked(id, clock.instant());
    }
}

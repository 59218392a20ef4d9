package io.baeum.exam.bank;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.common.error.DomainException;
import io.baeum.exam.bank.domain.Item;
import io.baeum.exam.bank.domain.ItemDraft;
import io.baeum.exam.bank.domain.ItemSheet;
import io.baeum.exam.bank.persistence.ItemStore;

/** Authoring the question bank: items one by one, edits that version, and all-or-nothing sheet imports. */
@Service
public class QuestionBank {

    private final ItemStore items;
    private final TransactionalOperator tx;
    private final Clock clock;

    QuestionBank(ItemStore items, TransactionalOperator tx, Clock clock) {
        this.items = items;
        this.tx = tx;
        this.clock = clock;
    }

    /** The outcome of an import: applied (created + unchanged = rows) or rejected with every problem. */
    public record ImportReport(boolean applied, int rows, int created, int unchanged, List<ItemSheet.RowProblem> problems) {
    }

    public Mono<Item> create(ItemDraft draft, String author) {
        checked(draft);
        Item item = Item.create(UUID.randomUUID(), draft, author, clock.instant());
        return items.insert(item).as(tx::transactional).thenReturn(item);
    }

    public Mono<Item.Revision> revise(UUID id, ItemDraft draft, String author) {
        checked(draft);
        return items.find(id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("ITEM_NOT_FOUND", "no such item")))
                .zipWhen(item -> items.usedByAttempts(id))
                .flatMap(t -> {
                    Item.Revision revision = t.getT1().revise(draft, t.getT2(), UUID.randomUUID(), author, clock.instant());
                    Mono<Void> write = revision.newVersion()
                            ? items.retire(id).then(items.insert(revision.item()))
                            : items.update(revision.item());
                    return write.thenReturn(revision);
                })
                .as(tx::transactional);
    }

    public Mono<ImportReport> importRows(List<ItemSheet.Row> rows, String author) {
        ItemSheet.Reading reading = ItemSheet.read(rows);
        if (!reading.accepted()) {
            return Mono.just(new ImportReport(false, rows.size(), 0, 0, reading.problems()));
        }
        return Flux.fromIterable(reading.drafts())
                .concatMap(numbered -> items.existsCurrent(numbered.draft().courseId(), numbered.draft().contentHash())
                        .flatMap(exists -> exists ? Mono.just(false)
                                : items.insert(Item.create(UUID.randomUUID(), numbered.draft(), author, clock.instant())).thenReturn(true)))
                .collectList()
                .map(created -> {
                    int n = (int) created.stream().filter(Boolean::booleanValue).count();
                    return new ImportReport(true, rows.size(), n, rows.size() - n, List.of());
                })
                .as(tx::transactional);
    }

    public Mono<Item> find(UUID id) {
        return items.find(id);
    }

    public Flux<Item> findAll(java.util.Collection<UUID> ids) {
        return items.findAll(ids);
    }

    public Mono<Long> poolSize(ItemStore.PoolFilter filter) {
        return items.poolSize(filter);
    }

    public Flux<UUID> pool(ItemStore.PoolFilter filter) {
        return items.pool(filter);
    }

    private static void checked(ItemDraft draft) {
        List<ItemDraft.Problem> problems = draft.problems();
        if (!problems.isEmpty()) {
            ItemDraft.Problem first = problems.getFirst();
            throw DomainException.invalid("ITEM_" + first.code().name(), first.code().english(), first.field());
        }
    }
}

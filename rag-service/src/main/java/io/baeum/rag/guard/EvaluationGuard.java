package io.baeum.rag.guard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.rag.config.RagProperties;
import io.baeum.rag.text.Shingles;

/**
 * R4: refuses to help with items of open or upcoming evaluations. exam-service publishes fingerprints
 * (shingle hashes, never the text, {@link Shingles}); a text overlaps an item when the shared shingles
 * are at least {@code minSharedShingles} and cover {@code overlapThreshold} of the item's shingles — or,
 * for a question, of the question's own. Refusals are kept as evidence (who, when, which evaluation).
 */
@Component
public class EvaluationGuard {

    /** The item a text overlaps. */
    public record Overlap(String evaluationId, String itemId, double share) {
    }

    /** One item's fingerprint as received. */
    public record ItemFingerprint(String itemId, List<Long> hashes) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final RagProperties.Guard properties;
    private final MeterRegistry meters;

    EvaluationGuard(DatabaseClient db, TransactionalOperator tx, RagProperties properties, MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.properties = properties.guard();
        this.meters = meters;
    }

    /** The strongest overlap of a question with an open or upcoming item, if above the threshold. */
    public Mono<Optional<Overlap>> question(String text) {
        return overlap(Shingles.of(text), true);
    }

    /** The strongest overlap of a retrieved passage with an open or upcoming item, if above the threshold. */
    public Mono<Optional<Overlap>> passage(String text) {
        return overlap(Shingles.of(text), false);
    }

    private Mono<Optional<Overlap>> overlap(Set<Long> shingles, boolean byOwnShare) {
        if (shingles.isEmpty()) {
            return Mono.just(Optional.empty());
        }
        int own = shingles.size();
        return db.sql("SELECT s.evaluation_id, s.item_id, count(*) AS hits, i.shingles FROM evaluation_shingle s "
                        + "JOIN evaluation_item i ON i.evaluation_id = s.evaluation_id AND i.item_id = s.item_id "
                        + "WHERE s.hash = ANY(:hashes) AND i.status IN ('OPEN', 'UPCOMING') AND (i.closes_at IS NULL OR i.closes_at > now()) "
                        + "GROUP BY s.evaluation_id, s.item_id, i.shingles")
                .bind("hashes", shingles.toArray(Long[]::new))
                .map(r -> {
                    long hits = r.get("hits", Long.class);
                    int total = r.get("shingles", Integer.class);
                    double share = Math.max((double) hits / Math.max(1, total), byOwnShare ? (double) hits / own : 0);
                    return new Overlap(r.get("evaluation_id", String.class), r.get("item_id", String.class),
                            hits >= properties.minSharedShingles() ? share : 0);
                })
                .all()
                .filter(o -> o.share() >= properties.overlapThreshold())
                .sort((a, b) -> Double.compare(b.share(), a.share()))
                .next().map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    /**
     * Replaces an evaluation's fingerprints (exam-service's EvaluationItemsFingerprinted), unless a newer
     * set was already applied. CLOSED status keeps nothing to match.
     */
    public Mono<Void> replace(String evaluationId, @Nullable String courseId, String status, @Nullable Instant closesAt,
                              Instant eventTime, List<ItemFingerprint> items) {
        Mono<Void> work = db.sql("SELECT max(event_time) AS t FROM evaluation_item WHERE evaluation_id = :e")
                .bind("e", evaluationId).map(r -> Optional.ofNullable(r.get("t", Instant.class))).one()
                .flatMap(latest -> latest.isPresent() && latest.get().isAfter(eventTime) ? Mono.empty()
                        : db.sql("DELETE FROM evaluation_item WHERE evaluation_id = :e").bind("e", evaluationId).fetch().rowsUpdated()
                        .thenMany(Flux.fromIterable(items).concatMap(item -> {
                            DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO evaluation_item (evaluation_id, item_id, course_id, "
                                            + "status, closes_at, shingles, event_time) VALUES (:e, :i, :c, :s, :closes, :n, :t)")
                                    .bind("e", evaluationId).bind("i", item.itemId()).bind("s", status)
                                    .bind("n", (int) item.hashes().stream().distinct().count()).bind("t", eventTime);
                            spec = courseId == null ? spec.bindNull("c", String.class) : spec.bind("c", courseId);
                            spec = closesAt == null ? spec.bindNull("closes", Instant.class) : spec.bind("closes", closesAt);
                            return spec.fetch().rowsUpdated()
                                    .then(db.sql("INSERT INTO evaluation_shingle (evaluation_id, item_id, hash) "
                                                    + "SELECT :e, :i, unnest(CAST(:h AS bigint[])) ON CONFLICT DO NOTHING")
                                            .bind("e", evaluationId).bind("i", item.itemId())
                                            .bind("h", item.hashes().toArray(Long[]::new)).fetch().rowsUpdated());
                        }))
                        .then());
        return work.as(tx::transactional);
    }

    /** Evidence of a refusal. */
    public Mono<UUID> record(String accountId, String channel, @Nullable String courseId, String reason,
                             @Nullable Overlap overlap, String redactedQuestion) {
        meters.counter("baeum.rag.refusals", "reason", reason).increment();
        UUID id = UUID.randomUUID();
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO refusal (id, account_id, channel, course_id, reason, evaluation_id, "
                        + "item_id, overlap, question) VALUES (:id, :a, :ch, :c, :r, :e, :i, :o, :q)")
                .bind("id", id).bind("a", accountId).bind("ch", channel).bind("r", reason).bind("q", redactedQuestion);
        spec = courseId == null ? spec.bindNull("c", String.class) : spec.bind("c", courseId);
        spec = overlap == null ? spec.bindNull("e", String.class).bindNull("i", String.class).bindNull("o", Float.class)
                : spec.bind("e", overlap.evaluationId()).bind("i", overlap.itemId()).bind("o", (float) overlap.share());
        return spec.fetch().rowsUpdated().thenReturn(id);
    }
}

package io.baeum.rag.retrieval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;

import io.baeum.rag.config.RagProperties;
import io.baeum.rag.document.domain.Channel;
import io.baeum.rag.index.Embedder;
import io.baeum.rag.index.IndexText;

/**
 * Hybrid retrieval in one SQL statement: a lexical list (Nori morphemes in a {@code simple} tsvector,
 * ranked by ts_rank_cd, plus pg_trgm word similarity for partial words and typos), a vector list
 * (pgvector HNSW, cosine, iterative scan so filtered searches still fill their list) and reciprocal
 * rank fusion of the two. Both lists carry the scope filter (channel, the asker's courses) in their
 * WHERE clause, so nothing outside the scope is ever ranked (R1). When the embedder is down the
 * vector list is skipped and retrieval stays lexical.
 */
@Component
public class Retriever {

    private static final Logger log = LoggerFactory.getLogger(Retriever.class);

    private static final String SQL = """
            WITH lex AS (
              SELECT id, row_number() OVER (ORDER BY score DESC, id) AS r FROM (
                SELECT c.id, ts_rank_cd(c.lexemes, q.tsq, 1) + word_similarity(:terms, c.terms) AS score
                FROM chunk c, (SELECT to_tsquery('simple', :tsq) AS tsq) q
                WHERE :lexical AND c.channel = :channel AND (:anyCourse OR c.course_id = ANY(:courses))
                  AND (c.lexemes @@ q.tsq OR c.terms %> :terms)
                ORDER BY score DESC, c.id LIMIT :candidates) s),
            vec AS (
              SELECT id, cosine, row_number() OVER (ORDER BY cosine DESC, id) AS r FROM (
                SELECT c.id, 1 - (c.embedding <=> CAST(:vector AS vector)) AS cosine
                FROM chunk c
                WHERE :vectorOn AND c.channel = :channel AND (:anyCourse OR c.course_id = ANY(:courses))
                  AND c.embedding_model = :model
                ORDER BY c.embedding <=> CAST(:vector AS vector) LIMIT :candidates) s),
            fused AS (
              SELECT coalesce(l.id, v.id) AS id,
                     coalesce(1.0 / (:rrfK + l.r), 0) + coalesce(1.0 / (:rrfK + v.r), 0) AS rrf,
                     l.r AS lr, v.r AS vr, coalesce(v.cosine, 0) AS cosine
              FROM lex l FULL JOIN vec v ON v.id = l.id)
            SELECT f.id, f.rrf, f.lr, f.vr, f.cosine, c.document_id, d.title, d.kind, c.course_id, c.lesson_id,
                   c.section, c.page, c.content, c.terms
            FROM fused f JOIN chunk c ON c.id = f.id JOIN document d ON d.id = c.document_id
            ORDER BY f.rrf DESC, f.id LIMIT :k""";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Embedder embedder;
    private final RagProperties.Retrieval properties;
    private final Timer latency;

    Retriever(DatabaseClient db, TransactionalOperator tx, Embedder embedder, RagProperties properties, MeterRegistry meters) {
        this.db = db;
        this.tx = tx;
        this.embedder = embedder;
        this.properties = properties.retrieval();
        this.latency = Timer.builder("baeum.rag.retrieval").description("hybrid retrieval, embedding included")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    public Mono<List<Passage>> search(Scope scope, String question, RetrievalMode mode) {
        return search(scope, question, mode, properties.topK());
    }

    public Mono<List<Passage>> search(Scope scope, String question, RetrievalMode mode, int k) {
        long start = System.nanoTime();
        List<String> morphemes = IndexText.morphemes(question);
        Mono<@Nullable String> vector = mode == RetrievalMode.LEXICAL ? Mono.just("")
                : embedder.embed(List.of(question)).map(v -> Embedder.literal(v.getFirst()))
                .onErrorResume(e -> {
                    log.warn("embedder unavailable, lexical retrieval only: {}", e.toString());
                    return Mono.just("");
                });
        return vector.flatMap(v -> query(scope, morphemes, mode, v.isEmpty() ? null : v, k))
                .doOnSuccess(r -> latency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    }

    private Mono<List<Passage>> query(Scope scope, List<String> morphemes, RetrievalMode mode, @Nullable String vector, int k) {
        String tsq = IndexText.anyOf(morphemes);
        boolean lexical = mode != RetrievalMode.VECTOR && !tsq.isEmpty();
        boolean vectorOn = mode != RetrievalMode.LEXICAL && vector != null;
        if (!lexical && !vectorOn) {
            return Mono.just(List.of());
        }
        Set<String> asked = new HashSet<>(morphemes);
        DatabaseClient.GenericExecuteSpec spec = db.sql(SQL)
                .bind("tsq", tsq.isEmpty() ? "'none'" : tsq).bind("terms", String.join(" ", morphemes))
                .bind("lexical", lexical).bind("vectorOn", vectorOn)
                .bind("channel", scope.channel().key())
                .bind("anyCourse", scope.channel() == Channel.SUPPORT)
                .bind("courses", scope.courses().toArray(String[]::new))
                .bind("model", embedder.model())
                .bind("candidates", properties.candidates()).bind("rrfK", properties.rrfK()).bind("k", k);
        spec = vector == null ? spec.bind("vector", zero()) : spec.bind("vector", vector);
        Mono<List<Passage>> rows = spec.map(r -> {
                    String terms = r.get("terms", String.class);
                    Integer lr = r.get("lr", Long.class) == null ? null : r.get("lr", Long.class).intValue();
                    Integer vr = r.get("vr", Long.class) == null ? null : r.get("vr", Long.class).intValue();
                    return new Passage(r.get("id", Long.class), r.get("document_id", UUID.class), r.get("title", String.class),
                            r.get("kind", String.class), r.get("course_id", String.class), r.get("lesson_id", String.class),
                            r.get("section", String.class), r.get("page", Integer.class), r.get("content", String.class),
                            number(r.get("rrf")), lr, vr, number(r.get("cosine")), coverage(asked, terms));
                })
                .all().collectList();
        return db.sql("SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', :ef, true), "
                        + "set_config('pg_trgm.word_similarity_threshold', :trgm, true)")
                .bind("ef", Integer.toString(properties.efSearch()))
                .bind("trgm", Double.toString(properties.trigramThreshold()))
                .fetch().rowsUpdated()
                .then(rows)
                .as(tx::transactional);
    }

    private static double number(@Nullable Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    private static double coverage(Set<String> asked, @Nullable String terms) {
        if (asked.isEmpty() || terms == null) {
            return 0;
        }
        Set<String> present = new HashSet<>(List.of(terms.split(" ")));
        long found = asked.stream().filter(present::contains).count();
        return (double) found / asked.size();
    }

    private static String zero() {
        return Embedder.literal(new float[Embedder.DIMENSIONS]);
    }
}

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
 * ranked by ts_rank_cd; a question morpheme missing from the scope's vocabulary — a typo, a partial word —
 * is expanded to the closest known morphemes by trigram similarity over their jamo; the best matches are then
 * re-ranked with pg_trgm's word similarity of the question to the passage, which rewards the question's words
 * in the passage's order — computed for a bounded pool only, as it costs most per row), a vector list
 * (pgvector HNSW over half-precision vectors, cosine, iterative scan so filtered searches still fill their
 * list) and reciprocal rank fusion of the two. Both lists and the vocabulary carry the scope filter (channel,
 * the asker's courses) in their WHERE clause, so nothing outside the scope is ever ranked (R1). When the embedder is
 * down the vector list is skipped and retrieval stays lexical.
 */
@Component
public class Retriever {

    private static final Logger log = LoggerFactory.getLogger(Retriever.class);

    /**
     * One statement per channel, so the planner sees the scope's real shape: the support channel searches its
     * whole vocabulary and uses HNSW (a fifth of the chunks qualify); the study channel's filter names the
     * asker's courses, and its vector list is an exact search over those courses' vectors (the {@code OFFSET 0}
     * keeps the planner from walking the HNSW graph in search of the 1 or 2 % of neighbours that pass the
     * filter, which cost more than ranking a course's vectors outright).
     */
    private static final String TEMPLATE = """
            WITH asked AS (
              SELECT DISTINCT t FROM unnest(CAST(:morphemes AS text[])) t WHERE char_length(t) >= 2),
            expansion AS (
              SELECT string_agg(quote_literal(x.term), ' | ') AS q FROM asked a
              CROSS JOIN LATERAL (SELECT l.term FROM lexicon l WHERE l.jamo % normalize(a.t, NFD) AND ${lexiconScope}
                                  GROUP BY l.term ORDER BY max(similarity(l.jamo, normalize(a.t, NFD))) DESC, l.term LIMIT 2) x
              WHERE :lexical AND NOT EXISTS (SELECT 1 FROM lexicon l WHERE l.term = a.t AND ${lexiconScope})),
            query AS (
              SELECT to_tsquery('simple', :tsq || coalesce(' | ' || (SELECT q FROM expansion), '')) AS tsq),
            lex AS (
              SELECT id, row_number() OVER (ORDER BY score + word_similarity(:terms, terms) DESC, id) AS r FROM (
                SELECT c.id, c.terms, ts_rank_cd(c.lexemes, q.tsq, 1) AS score
                FROM chunk c, query q
                WHERE :lexical AND ${chunkScope} AND c.lexemes @@ q.tsq
                ORDER BY score DESC, c.id LIMIT :pool) s
              ORDER BY r LIMIT :candidates),
            vec AS (
              SELECT id, cosine, row_number() OVER (ORDER BY cosine DESC, id) AS r FROM (
                SELECT e.chunk_id AS id, 1 - (e.embedding <=> CAST(:vector AS halfvec)) AS cosine
                FROM ${vectors} e
                WHERE :vectorOn AND e.channel = :channel AND e.model = :model
                ORDER BY e.embedding <=> CAST(:vector AS halfvec) LIMIT :candidates) s),
            fused AS (
              SELECT coalesce(l.id, v.id) AS id,
                     coalesce(1.0 / (:rrfK + l.r), 0) + coalesce(1.0 / (:rrfK + v.r), 0) AS rrf,
                     l.r AS lr, v.r AS vr, coalesce(v.cosine, 0) AS cosine
              FROM lex l FULL JOIN vec v ON v.id = l.id)
            SELECT f.id, f.rrf, f.lr, f.vr, f.cosine, c.document_id, d.title, d.kind, c.course_id, c.lesson_id,
                   c.section, c.page, c.content, c.terms
            FROM fused f JOIN chunk c ON c.id = f.id JOIN document d ON d.id = c.document_id
            ORDER BY f.rrf DESC, f.id LIMIT :k""";

    private static final String SUPPORT_SQL = TEMPLATE
            .replace("${lexiconScope}", "l.channel = :channel")
            .replace("${chunkScope}", "c.channel = :channel")
            .replace("${vectors}", "chunk_embedding");

    private static final String STUDY_SQL = TEMPLATE
            .replace("${lexiconScope}", "l.channel = :channel AND l.course_id = ANY(:courses)")
            .replace("${chunkScope}", "c.channel = :channel AND c.course_id = ANY(:courses)")
            .replace("${vectors}", "(SELECT chunk_id, channel, model, embedding FROM chunk_embedding "
                    + "WHERE channel = :channel AND course_id = ANY(:courses) OFFSET 0)");

    /** The lexical list re-ranks this many of its best tsvector matches per candidate it keeps (see SQL). */
    static final int RERANKED_PER_CANDIDATE = 4;

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
        boolean support = scope.channel() == Channel.SUPPORT;
        DatabaseClient.GenericExecuteSpec spec = db.sql(support ? SUPPORT_SQL : STUDY_SQL)
                .bind("tsq", tsq.isEmpty() ? "'none'" : tsq).bind("morphemes", morphemes.toArray(String[]::new))
                .bind("terms", String.join(" ", morphemes)).bind("pool", properties.candidates() * RERANKED_PER_CANDIDATE)
                .bind("lexical", lexical).bind("vectorOn", vectorOn)
                .bind("channel", scope.channel().key())
                .bind("model", embedder.model())
                .bind("candidates", properties.candidates()).bind("rrfK", properties.rrfK()).bind("k", k);
        spec = support ? spec : spec.bind("courses", scope.courses().toArray(String[]::new));
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
                        + "set_config('pg_trgm.similarity_threshold', :trgm, true)")
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

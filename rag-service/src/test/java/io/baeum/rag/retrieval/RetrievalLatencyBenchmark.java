package io.baeum.rag.retrieval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.baeum.rag.document.domain.DocumentDraft;
import io.baeum.rag.document.domain.DocumentKind;
import io.baeum.rag.document.persistence.DocumentStore;
import io.baeum.rag.index.Embedder;
import io.baeum.rag.index.IndexSweeper;
import io.baeum.rag.index.IndexText;
import io.baeum.rag.index.embedding.HashedLexicalEmbedder;
import io.baeum.testing.BaeumInfrastructure;

/**
 * Not a test (no "Tests" suffix): the retrieval-latency and ingestion benchmark of docs/benchmarks.md.
 * Run: {@code ./mvnw -B -pl rag-service -am verify -Dtest=RetrievalLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * <ol>
 *   <li>Ingestion: 200 generated Markdown documents (~2 KB each) through the sweeper (chunking, Nori,
 *       offline embeddings, writes with the indexes in place).</li>
 *   <li>Latency: 100,000 synthetic chunks (sentences of the evaluation corpus recombined, 50 courses of
 *       1,600 chunks and a support channel of 20,000) bulk-loaded, HNSW built, then hybrid top-5 for the
 *       evaluation questions: p50/p99 of the whole search (question embedding, SQL, fusion).</li>
 * </ol>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RetrievalLatencyBenchmark {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("rag-events");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
    }

    @Autowired
    DocumentStore documents;

    @Autowired
    IndexSweeper sweeper;

    @Autowired
    Retriever retriever;

    @Test
    void measure() throws Exception {
        StringBuilder report = new StringBuilder();
        List<String> sentences = new ArrayList<>();
        for (String name : List.of("faq.md", "notices.md", "course-java.md", "course-safety.md")) {
            for (String line : RetrievalQualityTests.resource(name).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    sentences.addAll(Arrays.asList(line.split("(?<=[.?!])\\s+")));
                }
            }
        }
        Random random = new Random(42);

        // 1. ingestion through the sweeper
        int docs = 200;
        for (int d = 0; d < docs; d++) {
            StringBuilder body = new StringBuilder();
            for (int s = 0; s < 6; s++) {
                body.append("## 절 ").append(d).append('-').append(s).append('\n');
                for (int k = 0; k < 3; k++) {
                    body.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
                }
                body.append('\n');
            }
            documents.insert(new DocumentDraft(DocumentKind.MATERIAL, "ingest", null, "문서 " + d, "text/markdown", null,
                    body.toString()), "bench").block();
        }
        long start = System.nanoTime();
        int indexed = sweeper.sweepAll().block();
        double seconds = (System.nanoTime() - start) / 1e9;
        long chunks = count("SELECT count(*) FROM chunk");
        report.append(String.format(Locale.ROOT, "ingestion: %d documents, %d chunks in %.1f s = %.1f documents/s, %.0f chunks/s%n",
                indexed, chunks, seconds, indexed / seconds, chunks / seconds));

        // 2. 100,000 synthetic chunks
        HashedLexicalEmbedder embedder = new HashedLexicalEmbedder();
        List<List<String>> morphemes = sentences.stream().map(IndexText::morphemes).toList();
        List<float[]> vectors = sentences.stream().map(embedder::vector).toList();
        UUID support = insertDocument("support", null);
        List<UUID> courseDocs = new ArrayList<>();
        for (int c = 0; c < 50; c++) {
            courseDocs.add(insertDocument("study", "course-" + c));
        }
        start = System.nanoTime();
        try (Connection connection = infra.database().connect()) {
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                s.execute("DROP INDEX chunk_embedding_hnsw_idx");
            }
            try (PreparedStatement insert = connection.prepareStatement("WITH c AS (INSERT INTO chunk (document_id, channel, course_id, ordinal, section, "
                    + "content, content_hash, terms, lexemes) VALUES (?, ?, ?, ?, '', ?, ?, ?, CAST(? AS tsvector)) RETURNING id, channel, course_id) "
                    + "INSERT INTO chunk_embedding (chunk_id, channel, course_id, model, embedding) SELECT id, channel, course_id, ?, CAST(? AS halfvec) FROM c")) {
                for (int i = 0; i < 100_000; i++) {
                    boolean isSupport = i < 20_000;
                    int course = isSupport ? -1 : (i - 20_000) / 1_600;
                    StringBuilder content = new StringBuilder();
                    List<String> terms = new ArrayList<>();
                    float[] v = new float[Embedder.DIMENSIONS];
                    for (int k = 0; k < 3; k++) {
                        int s = random.nextInt(sentences.size());
                        content.append(sentences.get(s)).append(' ');
                        terms.addAll(morphemes.get(s));
                        for (int j = 0; j < v.length; j++) {
                            v[j] += vectors.get(s)[j];
                        }
                    }
                    double norm = 0;
                    for (float x : v) {
                        norm += x * x;
                    }
                    for (int j = 0; j < v.length; j++) {
                        v[j] /= (float) Math.sqrt(norm);
                    }
                    insert.setObject(1, isSupport ? support : courseDocs.get(course));
                    insert.setString(2, isSupport ? "support" : "study");
                    insert.setString(3, isSupport ? null : "course-" + course);
                    insert.setInt(4, i);
                    insert.setString(5, content.toString());
                    insert.setString(6, Integer.toHexString(i));
                    insert.setString(7, IndexText.terms(terms));
                    insert.setString(8, IndexText.lexemes(terms));
                    insert.setString(9, HashedLexicalEmbedder.MODEL);
                    insert.setString(10, Embedder.literal(v));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
            }
            connection.commit();
            double load = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            try (Statement s = connection.createStatement()) {
                s.execute("SET maintenance_work_mem = '512MB'");
                s.execute("CREATE INDEX chunk_embedding_hnsw_idx ON chunk_embedding USING hnsw (embedding halfvec_cosine_ops)");
                s.execute("INSERT INTO lexicon (channel, course_id, term) SELECT DISTINCT channel, coalesce(course_id, ''), "
                        + "unnest(tsvector_to_array(lexemes)) FROM chunk ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING");
                s.execute("ANALYZE chunk");
                s.execute("ANALYZE chunk_embedding");
            }
            connection.commit();
            report.append(String.format(Locale.ROOT, "bulk load of 100,000 chunks: %.1f s; HNSW build: %.1f s%n", load,
                    (System.nanoTime() - start) / 1e9));
        }

        // 3. hybrid top-5 latency
        List<RetrievalQualityTests.Question> questions = RetrievalQualityTests.questions();
        for (String scopeName : List.of("study (1 course of 1,600 chunks)", "support (20,000 chunks)")) {
            boolean study = scopeName.startsWith("study");
            for (int w = 0; w < 50; w++) {
                search(study, questions.get(w % questions.size()).text(), w);
            }
            long[] nanos = new long[400];
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                search(study, questions.get(i % questions.size()).text(), i);
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            report.append(String.format(Locale.ROOT, "hybrid top-5, %s, 400 sequential queries: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    scopeName, nanos[200] / 1e6, nanos[360] / 1e6, nanos[396] / 1e6, nanos[399] / 1e6));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "rag-latency.txt"), report);
    }

    private void search(boolean study, String question, int i) {
        Scope scope = study ? Scope.study(List.of("course-" + (i % 50))) : Scope.support();
        retriever.search(scope, question, RetrievalMode.HYBRID, 5).block();
    }

    private UUID insertDocument(String channel, String course) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = infra.database().connect(); PreparedStatement s = c.prepareStatement("INSERT INTO document (id, channel, kind, "
                + "course_id, title, media_type, body, content_hash, status, created_by) VALUES (?, ?, ?, ?, 'synthetic', 'text/plain', 'x', 'x', 'INDEXED', 'bench')")) {
            s.setObject(1, id);
            s.setString(2, channel);
            s.setString(3, course == null ? "FAQ" : "MATERIAL");
            s.setString(4, course);
            s.executeUpdate();
        }
        return id;
    }

    private long count(String sql) throws Exception {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}

package io.baeum.rag.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.baeum.rag.config.RagProperties;
import io.baeum.rag.document.domain.DocumentDraft;
import io.baeum.rag.document.domain.DocumentKind;
import io.baeum.rag.document.persistence.DocumentStore;
import io.baeum.rag.index.persistence.ChunkStore;
import io.baeum.testing.BaeumInfrastructure;

/** The sweeper on the real database: two instances never index a document twice, a crash is taken over, unchanged text is not re-embedded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class IndexSweeperTests {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("rag-events");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
    }

    @Autowired
    ChunkStore chunks;

    @Autowired
    DocumentStore documents;

    @Autowired
    Embedder embedder;

    @Autowired
    RagProperties properties;

    IndexSweeper instance() {
        return new IndexSweeper(chunks, embedder, properties, new SimpleMeterRegistry());
    }

    static String body(int n) {
        StringBuilder out = new StringBuilder();
        for (int s = 0; s < 4; s++) {
            out.append("## 절 ").append(s).append('\n').append("문서 ").append(n).append("의 ").append(s)
                    .append("번째 절입니다. 위험성평가는 매년 실시합니다. 보호구를 착용해야 합니다.\n");
        }
        return out.toString();
    }

    UUID insert(String ref, String body) {
        return documents.upsert(new DocumentDraft(DocumentKind.MATERIAL, "c1", null, "자료 " + ref, "text/markdown", ref, body), "test")
                .block().id();
    }

    long count(String sql) throws Exception {
        try (Connection c = infra.database().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twoInstancesSweepingAtOnceIndexEveryDocumentExactlyOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            insert("two-" + i, body(i));
        }
        IndexSweeper first = instance();
        IndexSweeper second = instance();
        List<Integer> counts = Mono.zip(first.sweepAll().subscribeOn(Schedulers.parallel()), second.sweepAll().subscribeOn(Schedulers.parallel()))
                .map(t -> List.of(t.getT1(), t.getT2())).block(Duration.ofMinutes(2));

        assertThat(counts.get(0) + counts.get(1)).isEqualTo(20);
        assertThat(count("SELECT count(*) FROM document WHERE external_ref LIKE 'two-%' AND status = 'INDEXED'")).isEqualTo(20);
        long stored = count("SELECT count(*) FROM chunk c JOIN document d ON d.id = c.document_id WHERE d.external_ref LIKE 'two-%'");
        assertThat(count("SELECT count(*) FROM (SELECT document_id, ordinal FROM chunk GROUP BY 1, 2 HAVING count(*) > 1) dup"))
                .as("no chunk written twice").isZero();
        assertThat(first.embeddingsComputed() + second.embeddingsComputed()).as("each chunk embedded once").isEqualTo(stored);
    }

    @Test
    void aClaimOfACrashedInstanceIsTakenOverAfterItsLeaseAndUnchangedTextIsNotReEmbedded() throws Exception {
        UUID id = insert("crash", body(99));
        // an instance claims the document and dies before finishing (its lease: one second)
        assertThat(chunks.claim("dead-instance", 10, Duration.ofSeconds(1)).collectList().block()).hasSize(1);
        IndexSweeper survivor = instance();
        assertThat(survivor.sweepOnce().block()).as("the live claim is respected").isZero();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> survivor.sweepOnce().block() == 1);
        assertThat(count("SELECT count(*) FROM document WHERE id = '" + id + "' AND status = 'INDEXED' AND indexed_hash = content_hash")).isEqualTo(1);
        double embedded = survivor.embeddingsComputed();
        long stored = count("SELECT count(*) FROM chunk WHERE document_id = '" + id + "'");
        assertThat(embedded).isEqualTo(stored);

        // the same text sent again: nothing to do
        insert("crash", body(99));
        assertThat(survivor.sweepAll().block()).isZero();
        // a re-index request rebuilds the chunks but reuses every vector (same content hashes)
        documents.reindex(id).block();
        assertThat(survivor.sweepAll().block()).isEqualTo(1);
        assertThat(survivor.embeddingsComputed()).isEqualTo(embedded);
        // one changed section: only its chunk is embedded again
        insert("crash", body(99).replace("0번째 절입니다", "0번째 절이 바뀌었습니다"));
        assertThat(survivor.sweepAll().block()).isEqualTo(1);
        assertThat(survivor.embeddingsComputed()).isEqualTo(embedded + 1);
    }
}

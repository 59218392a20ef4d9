package io.baeum.rag.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.baeum.rag.document.domain.DocumentDraft;
import io.baeum.rag.document.domain.DocumentKind;
import io.baeum.rag.document.persistence.DocumentStore;
import io.baeum.rag.index.IndexSweeper;
import io.baeum.testing.BaeumInfrastructure;

/**
 * A question word the index does not know is expanded to the closest words of the asker's scope — and only
 * of that scope (R1): a word known in another course changes nothing here. Lexical mode, so the vector list
 * (whose character n-grams also tolerate typos) cannot hide what the expansion does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TypoExpansionTests {

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

    static boolean indexed;

    @BeforeEach
    void indexOnce() {
        if (indexed) {
            return;
        }
        indexed = true;
        documents.insert(new DocumentDraft(DocumentKind.MATERIAL, "course-a", null, "컬렉션", "text/markdown", null,
                "## 맵\nHashMap은 키와 값의 쌍을 저장합니다.\n\n## 리스트\nArrayList는 순서가 있는 목록입니다.\n"), "test").block();
        documents.insert(new DocumentDraft(DocumentKind.MATERIAL, "course-b", null, "오타 모음", "text/markdown", null,
                "## 오타\nhashmpa 라는 단어가 이 과정의 문서에만 있습니다.\n"), "test").block();
        documents.insert(new DocumentDraft(DocumentKind.FAQ, null, null, "고객센터", "text/markdown", null,
                "## 비밀번호를 잊어버렸어요\n로그인 화면에서 비밀번호 재설정을 누르면 메일로 링크를 보내 드립니다.\n\n"
                        + "## 서버 점검\n정기 점검은 매주 수요일 새벽에 합니다.\n"), "test").block();
        sweeper.sweepAll().block();
    }

    @Test
    void aMisspelledWordFindsThePassageOfTheWordItMeant() {
        List<Passage> found = retriever.search(Scope.support(), "졈검", RetrievalMode.LEXICAL, 5).block();

        assertThat(found).isNotEmpty();
        assertThat(found.getFirst().section()).endsWith("서버 점검");
    }

    @Test
    void theExpansionUsesOnlyTheWordsOfTheAskersCourses() {
        List<Passage> inA = retriever.search(Scope.study(List.of("course-a")), "hashmpa", RetrievalMode.LEXICAL, 5).block();
        List<Passage> inB = retriever.search(Scope.study(List.of("course-b")), "hashmpa", RetrievalMode.LEXICAL, 5).block();

        // course-b's vocabulary holds "hashmpa" itself; were the vocabulary shared, course-a's question would count
        // as spelled right, find no passage holding it and return nothing
        assertThat(inA).hasSize(1);
        assertThat(inA.getFirst().section()).endsWith("맵");
        assertThat(inA.getFirst().courseId()).isEqualTo("course-a");
        assertThat(inB).extracting(Passage::courseId).containsOnly("course-b");
    }
}

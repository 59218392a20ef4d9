package io.baeum.rag;

import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.ServiceConventionsContract;

class RagServiceConventionsTests extends ServiceConventionsContract {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("rag-events");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
    }

    @Override
    protected BaeumInfrastructure infrastructure() {
        return infra;
    }

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/v1/chatbot/{channel}/questions", "/api/v1/admin/chatbot/documents",
                "/api/v1/admin/chatbot/documents/upload", "/api/v1/admin/chatbot/documents/{id}",
                "/api/v1/admin/chatbot/documents/{id}/reindex", "/api/v1/admin/chatbot/index",
                "/api/v1/admin/chatbot/{channel}/unanswered");
    }
}

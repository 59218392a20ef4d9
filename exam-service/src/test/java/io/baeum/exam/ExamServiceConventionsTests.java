package io.baeum.exam;

import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.ServiceConventionsContract;

class ExamServiceConventionsTests extends ServiceConventionsContract {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("exam-events", "learning-events");

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
        return List.of("/api/v1/admin/question-banks/items", "/api/v1/admin/question-banks/imports", "/api/v1/admin/exams",
                "/api/v1/exams/evaluations/{evaluationId}/attempts", "/api/v1/exams/attempts/{id}/answers/{partId}",
                "/api/v1/exams/attempts/{id}/submit", "/api/v1/exams/manage/grading", "/api/v1/exams/manage/similarity-flags/{flagId}/decision");
    }
}

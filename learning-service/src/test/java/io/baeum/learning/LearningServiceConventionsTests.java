package io.baeum.learning;

import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.ServiceConventionsContract;

class LearningServiceConventionsTests extends ServiceConventionsContract {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("progress-events", "learning-events");

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
        return List.of("/api/v1/catalog/courses", "/api/v1/catalog/courses/{id}", "/api/v1/admin/courses",
                "/api/v1/cohorts/{cohortId}/enrollments", "/api/v1/enrollments/{id}/progress",
                "/api/v1/enrollments/{enrollmentId}/lessons/{lessonId}/playback", "/api/v1/me/certificates",
                "/api/v1/certificates/{number}/verification");
    }
}

package io.baeum.learning;

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
}

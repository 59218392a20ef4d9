package io.baeum.auth;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.ServiceConventionsContract;

@ActiveProfiles("test")
class AuthServiceConventionsTests extends ServiceConventionsContract {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withRedis()
            .withSqs("learning-events");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
    }

    @Override
    protected BaeumInfrastructure infrastructure() {
        return infra;
    }
}

package io.baeum.billing;

import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.ServiceConventionsContract;

class BillingServiceConventionsTests extends ServiceConventionsContract {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("billing-events", "learning-events");

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
        return List.of("/api/v1/billing/cart", "/api/v1/billing/cart/lines", "/api/v1/billing/orders",
                "/api/v1/billing/orders/{id}/complete", "/api/v1/billing/webhooks/portone");
    }
}

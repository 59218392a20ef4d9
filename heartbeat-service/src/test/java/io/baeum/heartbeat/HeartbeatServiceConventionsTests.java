package io.baeum.heartbeat;

import java.util.List;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.baeum.heartbeat.support.TestTokens;
import io.baeum.testing.BaeumInfrastructure;
import io.baeum.testing.ServiceConventionsContract;

class HeartbeatServiceConventionsTests extends ServiceConventionsContract {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withRedis().withSqs("progress-events");

    static final TestTokens tokens = new TestTokens();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        tokens.register(registry, infra);
    }

    @Override
    protected BaeumInfrastructure infrastructure() {
        return infra;
    }

    @Override
    protected List<String> documentedPaths() {
        return List.of("/api/v1/playback/sessions", "/api/v1/playback/sessions/{sessionId}/heartbeats",
                "/api/v1/playback/sessions/{sessionId}/end");
    }
}

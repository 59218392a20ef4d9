package io.baeum.auth.support;

import io.baeum.testing.MutableClock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.testing.BaeumInfrastructure;

/**
 * The running auth-service on a random port against real PostgreSQL (a fresh database per class),
 * Redis and ElasticMQ, with a clock tests can move forward.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(TestClockConfiguration.class)
public abstract class AuthIntegrationTest {

    @RegisterExtension
    protected static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withRedis()
            .withSqs("learning-events");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
    }

    @Autowired
    private WebTestClient client;

    @Autowired
    protected MutableClock clock;

    protected WebTestClient web;
    protected Members members;

    @BeforeEach
    void clients() {
        web = client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
        members = new Members(web);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }
}

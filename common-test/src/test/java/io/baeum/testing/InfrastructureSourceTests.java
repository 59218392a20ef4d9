package io.baeum.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class InfrastructureSourceTests {

    private static final Map<String, String> NOTHING_SET = Map.of();
    private final AtomicInteger probes = new AtomicInteger();

    @Test
    void serversNamedByTheEnvironmentAreUsedWithoutProbingAnything() {
        assertThat(InfrastructureSource.choose(Map.of("BAEUM_TEST_PG_HOST", "db.ci.internal"), probe(false), probe(true)))
                .isEqualTo(InfrastructureSource.SERVERS);
        assertThat(InfrastructureSource.choose(Map.of("BAEUM_TEST_REDIS_PORT", "6380"), probe(false), probe(false)))
                .isEqualTo(InfrastructureSource.SERVERS);
        assertThat(probes).hasValue(0);
    }

    @Test
    void locallyInstalledServersThatAnswerCountAsConfigured() {
        assertThat(InfrastructureSource.choose(NOTHING_SET, probe(true), probe(true)))
                .isEqualTo(InfrastructureSource.SERVERS);
        assertThat(probes).as("Docker is not asked when the local servers answer").hasValue(1);
    }

    @Test
    void withoutServersAReachableDockerEngineStartsContainers() {
        assertThat(InfrastructureSource.choose(NOTHING_SET, probe(false), probe(true)))
                .isEqualTo(InfrastructureSource.CONTAINERS);
    }

    @Test
    void blankVariablesNameNothing() {
        assertThat(InfrastructureSource.choose(Map.of("BAEUM_TEST_PG_HOST", " "), probe(false), probe(true)))
                .isEqualTo(InfrastructureSource.CONTAINERS);
    }

    @Test
    void withNeitherServersNorDockerItFailsAtOnceSayingWhatToInstallOrSet() {
        assertThatThrownBy(() -> InfrastructureSource.choose(NOTHING_SET, probe(false), probe(false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("deploy/local/install.sh")
                .hasMessageContaining("BAEUM_TEST_PG_HOST")
                .hasMessageContaining("Docker engine");
    }

    @Test
    void anExplicitChoiceSkipsTheProbesButContainersStillNeedDocker() {
        assertThat(InfrastructureSource.choose(Map.of("BAEUM_TEST_INFRA", "servers"), probe(false), probe(false)))
                .isEqualTo(InfrastructureSource.SERVERS);
        assertThat(InfrastructureSource.choose(Map.of("BAEUM_TEST_INFRA", "Containers"), probe(true), probe(true)))
                .isEqualTo(InfrastructureSource.CONTAINERS);
        assertThatThrownBy(() -> InfrastructureSource.choose(Map.of("BAEUM_TEST_INFRA", "containers"), probe(true), probe(false)))
                .hasMessageContaining("no Docker engine is reachable");
        assertThatThrownBy(() -> InfrastructureSource.choose(Map.of("BAEUM_TEST_INFRA", "docker"), probe(true), probe(true)))
                .hasMessageContaining("'servers' or 'containers'");
    }

    private BooleanSupplier probe(boolean answer) {
        return () -> {
            probes.incrementAndGet();
            return answer;
        };
    }
}

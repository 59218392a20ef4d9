package io.baeum.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class EdgePropertiesTests {

    private final EdgeProperties edge = new EdgeProperties(List.of(), List.of("X-User-*", "X-Roles", "Remote-User"),
            null, DataSize.ofMegabytes(1), Duration.ofSeconds(5));

    @Test
    void identityHeadersMatchByNameOrPrefixWhateverTheCase() {
        assertThat(edge.isIdentityHeader("X-User-Id")).isTrue();
        assertThat(edge.isIdentityHeader("x-user-roles")).isTrue();
        assertThat(edge.isIdentityHeader("X-USER-")).isTrue();
        assertThat(edge.isIdentityHeader("x-roles")).isTrue();
        assertThat(edge.isIdentityHeader("Remote-User")).isTrue();
    }

    @Test
    void otherHeadersPass() {
        assertThat(edge.isIdentityHeader("X-User")).isFalse();
        assertThat(edge.isIdentityHeader("X-Roles-Extra")).isFalse();
        assertThat(edge.isIdentityHeader("Authorization")).isFalse();
        assertThat(edge.isIdentityHeader("X-Request-Id")).isFalse();
        assertThat(edge.isIdentityHeader("Remote-Use")).isFalse();
    }
}

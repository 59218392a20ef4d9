package io.baeum.common.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class SecuredOperationsTests {

    private final SecuredOperations secured = SecuredOperations.paths("/api/v1/admin/**", "/api/v1/me")
            .and(HttpMethod.POST, "/api/v1/auth/logout");

    @Test
    void whenPathTemplateFallsUnderAPatternThenItIsSecured() {
        assertThat(secured.matches(HttpMethod.GET, "/api/v1/admin/members/{id}")).isTrue();
        assertThat(secured.matches(HttpMethod.DELETE, "/api/v1/admin/lessons/{id}")).isTrue();
        assertThat(secured.matches(HttpMethod.GET, "/api/v1/me")).isTrue();
    }

    @Test
    void whenPatternNamesAMethodThenOnlyThatMethodIsSecured() {
        assertThat(secured.matches(HttpMethod.POST, "/api/v1/auth/logout")).isTrue();
        assertThat(secured.matches(HttpMethod.GET, "/api/v1/auth/logout")).isFalse();
    }

    @Test
    void whenNoPatternMatchesThenTheOperationIsPublic() {
        assertThat(secured.matches(HttpMethod.GET, "/api/v1/me/consents")).isFalse();
        assertThat(secured.matches(HttpMethod.POST, "/api/v1/auth/login")).isFalse();
        assertThat(SecuredOperations.paths().matches(HttpMethod.GET, "/api/v1/admin/members")).isFalse();
    }
}

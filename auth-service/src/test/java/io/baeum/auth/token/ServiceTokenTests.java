package io.baeum.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;

/** The client-credentials grant: configured clients only, narrow audience and scope. */
class ServiceTokenTests extends AuthIntegrationTest {

    static final String SECRET = "test-learning-service-secret-000000001";

    @Test
    void aConfiguredClientGetsANarrowServiceToken() throws Exception {
        String body = token("learning-service", SECRET, "progress.read").expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String token = Members.read(body).path("data").path("accessToken").asString();

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("heartbeat-service");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("scope")).isEqualTo("progress.read");
        assertThat(jwt.getJWTClaimsSet().getStringClaim("client_id")).isEqualTo("learning-service");
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("SERVICE");
        // not for auth-service (nor any service outside its audience)
        members.me(token).expectStatus().isUnauthorized();
    }

    @Test
    void aWrongSecretOrAnUnknownClientIsRefused() {
        token("learning-service", SECRET + "x", null).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_CLIENT");
        token("billing-service", SECRET, null).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_CLIENT");
    }

    @Test
    void aScopeBeyondTheClientsIsRefused() {
        token("learning-service", SECRET, "progress.read admin").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("INVALID_SCOPE");
    }

    @Test
    void aFormWithABadPercentEscapeIsABadRequestNotAServerError() {
        web.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("grant_type=client_credentials&client_id=learning-service&client_secret=%E0%A4%A")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("MALFORMED_BODY");
    }

    @Test
    void theOpenApiDocumentDescribesTheTokenFormBody() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/v1/auth/token'].post.requestBody.required").isEqualTo(true)
                .jsonPath("$.paths['/api/v1/auth/token'].post.requestBody.content['application/x-www-form-urlencoded']")
                .exists();
    }

    private WebTestClient.ResponseSpec token(String client, String secret, String scope) {
        var form = BodyInserters.fromFormData("grant_type", "client_credentials").with("client_id", client)
                .with("client_secret", secret);
        if (scope != null) {
            form = form.with("scope", scope);
        }
        return web.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).exchange();
    }
}

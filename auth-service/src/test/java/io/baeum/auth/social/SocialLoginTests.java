package io.baeum.auth.social;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import io.baeum.auth.social.domain.Pkce;
import io.baeum.auth.support.AuthIntegrationTest;
import io.baeum.auth.support.Members;
import tools.jackson.databind.JsonNode;

/** Google/Kakao-style OIDC sign-in against a WireMock provider (discovery, token, userinfo). */
class SocialLoginTests extends AuthIntegrationTest {

    static final WireMockServer provider = new WireMockServer(options().dynamicPort());

    static {
        provider.start();
        provider.stubFor(get(urlEqualTo("/.well-known/openid-configuration")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"issuer":"%1$s","authorization_endpoint":"%1$s/o/oauth2/v2/auth","token_endpoint":"%1$s/token",
                         "userinfo_endpoint":"%1$s/v1/userinfo","jwks_uri":"%1$s/certs",
                         "code_challenge_methods_supported":["S256"]}
                        """.formatted(provider.baseUrl()))));
    }

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        registry.add("baeum.auth.social.providers.google.issuer-uri", provider::baseUrl);
        registry.add("baeum.auth.social.providers.google.client-id", () -> "baeum-client");
        registry.add("baeum.auth.social.providers.google.client-secret", () -> "baeum-client-secret");
        registry.add("baeum.auth.social.providers.google.redirect-uri", () -> "https://app.baeum.local/login/callback");
    }

    @AfterAll
    static void stop() {
        provider.stop();
    }

    @Test
    void aNewSocialIdentityCreatesAnAccountWithPkceAndSignsInAgainLater() {
        String subject = "google-" + UUID.randomUUID();
        String email = Members.uniqueEmail();

        JsonNode first = signIn(subject, email, true, true);
        assertThat(first.path("outcome").asString()).isEqualTo("CREATED");
        String accessToken = first.path("tokens").path("accessToken").asString();
        members.me(accessToken).expectStatus().isOk().expectBody().jsonPath("$.data.email").isEqualTo(email);

        JsonNode again = signIn(subject, email, true, false);
        assertThat(again.path("outcome").asString()).isEqualTo("LOGGED_IN");
        assertThat(sub(again)).isEqualTo(sub(first));
    }

    @Test
    void aProviderVerifiedEmailLinksTheExistingAccount() {
        Members.Member member = members.signUp();

        JsonNode result = signIn("google-" + UUID.randomUUID(), member.email(), true, false);

        assertThat(result.path("outcome").asString()).isEqualTo("LINKED");
        assertThat(sub(result)).isEqualTo(member.id().toString());
    }

    @Test
    void anUnverifiedEmailLinksOnlyAfterThePasswordIsProven() {
        Members.Member member = members.signUp();
        String subject = "google-" + UUID.randomUUID();

        JsonNode pending = signIn(subject, member.email(), false, false);
        assertThat(pending.path("outcome").asString()).isEqualTo("LINK_REQUIRED");
        assertThat(pending.path("tokens").isNull()).isTrue();

        link(pending.path("linkTicket").asString(), "Wrong-Password-99").expectStatus().isUnauthorized();
        // the ticket was single use: the wrong guess spent it
        link(pending.path("linkTicket").asString(), member.password()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("SOCIAL_LINK_INVALID");

        JsonNode retry = signIn(subject, member.email(), false, false);
        String body = link(retry.path("linkTicket").asString(), member.password()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(Members.read(body).path("data").path("outcome").asString()).isEqualTo("LINKED");
        assertThat(sub(Members.read(body).path("data"))).isEqualTo(member.id().toString());

        assertThat(signIn(subject, member.email(), false, false).path("outcome").asString()).isEqualTo("LOGGED_IN");
    }

    @Test
    void aStateIsUsableOnceAndUnknownProvidersAreRefused() {
        String state = authorize().get("state");
        provider.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400)));
        callback(state, "code-x", false).expectStatus().isEqualTo(502)
                .expectBody().jsonPath("$.error.code").isEqualTo("SOCIAL_PROVIDER_ERROR");
        callback(state, "code-x", false).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.code").isEqualTo("SOCIAL_STATE_INVALID");

        web.get().uri("/api/v1/auth/social/myspace/authorize").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("SOCIAL_PROVIDER_UNKNOWN");
    }

    /** Runs the whole browser round trip against the stub provider and answers the callback's data. */
    private JsonNode signIn(String subject, String email, boolean emailVerified, boolean withTerms) {
        Map<String, String> authorization = authorize();
        String code = "code-" + UUID.randomUUID();
        String accessToken = "at-" + UUID.randomUUID();
        provider.stubFor(post(urlEqualTo("/token"))
                .withRequestBody(containing("code=" + code))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":3599}")));
        provider.stubFor(get(urlEqualTo("/v1/userinfo")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"sub":"%s","email":"%s","email_verified":%s,"name":"구글 사용자"}
                        """.formatted(subject, email, emailVerified))));

        String body = callback(authorization.get("state"), code, withTerms).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        // PKCE: the verifier sent to the token endpoint hashes to the challenge sent to the browser
        var tokenRequest = provider.findAll(postRequestedFor(urlEqualTo("/token")).withRequestBody(containing("code=" + code)))
                .getFirst();
        Map<String, String> form = parse(tokenRequest.getBodyAsString());
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("client_id", "baeum-client")
                .containsEntry("redirect_uri", "https://app.baeum.local/login/callback");
        assertThat(Pkce.challenge(form.get("code_verifier"))).isEqualTo(authorization.get("code_challenge"));
        return Members.read(body).path("data");
    }

    private Map<String, String> authorize() {
        String body = web.get().uri("/api/v1/auth/social/google/authorize").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        String url = Members.read(body).path("data").path("authorizationUrl").asString();
        assertThat(url).startsWith(provider.baseUrl() + "/o/oauth2/v2/auth?");
        Map<String, String> query = UriComponentsBuilder.fromUriString(url).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("code_challenge_method", "S256").containsEntry("response_type", "code")
                .containsKey("nonce");
        return query;
    }

    private WebTestClient.ResponseSpec callback(String state, String code, boolean withTerms) {
        Map<String, Object> body = withTerms
                ? Map.of("code", code, "state", state, "agreedTerms", Members.REQUIRED_TERMS)
                : Map.of("code", code, "state", state);
        return web.post().uri("/api/v1/auth/social/google/callback").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec link(String ticket, String password) {
        return web.post().uri("/api/v1/auth/social/link").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("linkTicket", ticket, "password", password)).exchange();
    }

    private static String sub(JsonNode result) {
        try {
            return SignedJWT.parse(result.path("tokens").path("accessToken").asString()).getJWTClaimsSet().getSubject();
        }
        catch (java.text.ParseException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, String> parse(String form) {
        return Arrays.stream(form.split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}

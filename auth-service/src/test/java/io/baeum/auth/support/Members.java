package io.baeum.auth.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Object Mother for members: signs them up and in through the real API. */
public final class Members {

    public static final String PASSWORD = "Correct-Horse-Battery-9";
    public static final String ADMIN_EMAIL = "admin@test.baeum.local";
    public static final String ADMIN_PASSWORD = "Adm1n-Test-Passw0rd-Long";
    public static final List<Map<String, Object>> REQUIRED_TERMS = List.of(
            Map.of("code", "service", "version", 1), Map.of("code", "privacy", "version", 1));

    private static final JsonMapper JSON = new JsonMapper();
    private static final AtomicInteger PHONE = new AtomicInteger(10_000_000);

    private final WebTestClient web;

    public Members(WebTestClient web) {
        this.web = web;
    }

    public record Member(UUID id, String email, String name, String phone, String password) {
    }

    public record Tokens(String accessToken, String refreshToken, String sessionId) {
    }

    public static String uniqueEmail() {
        return "member-" + UUID.randomUUID().toString().substring(0, 12) + "@example.kr";
    }

    public static String uniquePhone() {
        return "010" + PHONE.incrementAndGet();
    }

    public static Map<String, Object> signUpBody(String email, String name, String phone) {
        return Map.of("email", email, "password", PASSWORD, "name", name, "phone", phone, "agreedTerms", REQUIRED_TERMS);
    }

    public Member signUp() {
        return signUp("김배움", uniqueEmail());
    }

    public Member signUp(String name, String email) {
        String phone = uniquePhone();
        JsonNode body = read(web.post().uri("/api/v1/auth/signup").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signUpBody(email, name, phone)).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
        return new Member(UUID.fromString(body.path("data").path("id").asString()), email, name, phone, PASSWORD);
    }

    public Tokens logIn(Member member) {
        return logIn(member.email(), member.password());
    }

    public Tokens logIn(String email, String password) {
        return tokens(web.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "198.51.100." + (1 + Math.abs(email.hashCode() % 200)))
                .bodyValue(Map.of("email", email, "password", password)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    public Tokens admin() {
        return logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    public WebTestClient.ResponseSpec refresh(String refreshToken) {
        return web.post().uri("/api/v1/auth/refresh").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("refreshToken", refreshToken)).exchange();
    }

    public WebTestClient.ResponseSpec me(String accessToken) {
        return web.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).exchange();
    }

    public static Tokens tokens(String responseBody) {
        JsonNode data = read(responseBody).path("data");
        return new Tokens(data.path("accessToken").asString(), data.path("refreshToken").asString(),
                data.path("sessionId").asString());
    }

    public static JsonNode read(String body) {
        return JSON.readTree(body);
    }
}

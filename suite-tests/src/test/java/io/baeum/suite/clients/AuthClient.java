package io.baeum.suite.clients;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.baeum.suite.support.Api;
import io.baeum.suite.support.Reply;

/** auth-service's API as the browser uses it (docs/auth.md). */
public final class AuthClient {

    private final Api api;

    public AuthClient(Api api) {
        this.api = api;
    }

    /** The current version of every required term, as a sign-up must agree to them. */
    public List<Map<String, Object>> requiredTerms() {
        List<Map<String, Object>> agreed = new ArrayList<>();
        for (JsonNode term : api.get("/api/v1/terms").data()) {
            if (term.path("required").asBoolean()) {
                agreed.add(Map.of("code", term.path("code").asString(), "version", term.path("version").asInt()));
            }
        }
        return agreed;
    }

    /** Signs up a TRAINEE; the new account's id. */
    public String signUp(String email, String password, String name, String phone) {
        return api.post("/api/v1/auth/signup", Map.of("email", email, "password", password, "name", name, "phone", phone,
                "agreedTerms", requiredTerms())).data(201).path("id").asString();
    }

    public Reply logInReply(String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    public Session logIn(String email, String password) {
        return session(logInReply(email, password).data());
    }

    /** {@code GET /api/v1/me} with {@code accessToken}: the raw answer. */
    public Reply me(String accessToken) {
        return api.as(accessToken).get("/api/v1/me");
    }

    public void logOut(String accessToken) {
        api.as(accessToken).post("/api/v1/auth/logout", null).data();
    }

    /** 본인인증 through the local sandbox provider: the fresh token pair, whose access token carries {@code idv_at}. */
    public Session verifyIdentity(String accessToken) {
        String id = api.as(accessToken).post("/api/v1/identity-verifications", null).data(201)
                .path("identityVerificationId").asString();
        return session(api.as(accessToken).post("/api/v1/identity-verifications/{id}/complete", null, id).data());
    }

    private static Session session(JsonNode pair) {
        return new Session(pair.path("accessToken").asString(), pair.path("refreshToken").asString(),
                pair.path("sessionId").asString());
    }
}

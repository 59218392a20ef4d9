package io.baeum.suite.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One HTTP answer, read as the API envelope ({@code {success, data, error, metadata}}, docs/api.md)
 * when it is JSON. The assertion helpers name the request and show the body when they fail.
 */
public record Reply(String method, URI uri, int status, HttpHeaders headers, String body, Duration elapsed) {

    /** The body as JSON; a missing node when it is empty or not JSON. */
    public JsonNode json() {
        if (body.isBlank()) {
            return Api.JSON.missingNode();
        }
        try {
            return Api.JSON.readTree(body);
        } catch (JacksonException e) {
            return Api.JSON.missingNode();
        }
    }

    /** Asserts a successful envelope with {@code expectedStatus}; its {@code data}. */
    public JsonNode data(int expectedStatus) {
        assertThat(status).as("status of %s", this).isEqualTo(expectedStatus);
        assertThat(json().path("success").asBoolean(false)).as("success in %s", this).isTrue();
        return json().path("data");
    }

    /** Asserts 200 with a successful envelope; its {@code data}. */
    public JsonNode data() {
        return data(200);
    }

    /** Asserts an error envelope: that status, {@code success=false} and that {@code error.code}. */
    public Reply assertError(int expectedStatus, String expectedCode) {
        assertThat(status).as("status of %s", this).isEqualTo(expectedStatus);
        JsonNode json = json();
        assertThat(json.path("success").isBoolean() && !json.path("success").asBoolean()).as("success=false in %s", this).isTrue();
        assertThat(json.path("error").path("code").asString()).as("error.code of %s", this).isEqualTo(expectedCode);
        return this;
    }

    public @Nullable String errorCode() {
        JsonNode code = json().path("error").path("code");
        return code.isMissingNode() || code.isNull() ? null : code.asString();
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    @Override
    public String toString() {
        String shown = body.length() > 600 ? body.substring(0, 600) + "..." : body;
        return method + " " + uri + " -> " + status + " in " + elapsed.toMillis() + " ms " + shown;
    }
}

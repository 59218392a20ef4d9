package io.baeum.suite.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP caller as a browser is one: a base URL (chosen per path, so the same scenario can go through
 * the gateway or straight to the services), optionally a bearer token and extra headers. Immutable:
 * {@link #as(String)} and {@link #withHeader(String, String)} return new callers.
 */
public final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Function<String, URI> base;
    private final @Nullable String token;
    private final Map<String, String> headers;

    Api(Function<String, URI> base) {
        this(base, null, Map.of());
    }

    private Api(Function<String, URI> base, @Nullable String token, Map<String, String> headers) {
        this.base = base;
        this.token = token;
        this.headers = headers;
    }

    /** The same caller presenting {@code bearer} as its access token ({@code Authorization: Bearer ...}). */
    public Api as(String bearer) {
        return new Api(base, bearer, headers);
    }

    /** The same caller with one more request header. */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, token, Map.copyOf(more));
    }

    public Reply get(String path, Object... vars) {
        return send("GET", path, null, vars);
    }

    public Reply post(String path, @Nullable Object body, Object... vars) {
        return send("POST", path, body, vars);
    }

    public Reply put(String path, @Nullable Object body, Object... vars) {
        return send("PUT", path, body, vars);
    }

    /** {@code path} with {@code {name}} placeholders filled, in order, by {@code vars} (URL-encoded). */
    public Reply send(String method, String path, @Nullable Object body, Object... vars) {
        String expanded = expand(path, vars);
        URI uri = base.apply(expanded).resolve(expanded);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(method, uri, response.statusCode(), response.headers(), response.body(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri + " interrupted", e);
        }
    }

    private static String expand(String path, Object... vars) {
        String out = path;
        for (Object var : vars) {
            int open = out.indexOf('{');
            int close = out.indexOf('}', open);
            if (open < 0 || close < 0) {
                throw new IllegalArgumentException("more values than placeholders in " + path);
            }
            out = out.substring(0, open) + URLEncoder.encode(String.valueOf(var), StandardCharsets.UTF_8) + out.substring(close + 1);
        }
        if (out.indexOf('{') >= 0) {
            throw new IllegalArgumentException("unfilled placeholder in " + path);
        }
        return out;
    }
}

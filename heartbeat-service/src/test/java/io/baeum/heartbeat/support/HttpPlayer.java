package io.baeum.heartbeat.support;

import io.baeum.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.baeum.contract.playback.PlaybackGrant;

/** A scripted player talking to the real HTTP API: opens a session, beats while the fake clock moves. */
public final class HttpPlayer {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient web;
    private final TestTokens tokens;
    private final MutableClock clock;
    private final String account;
    private final String sid;
    public String sessionId;
    public long sequence;
    public double position;
    public double rate = 1.0;

    public HttpPlayer(WebTestClient web, TestTokens tokens, MutableClock clock, String account, String sid) {
        this.web = web;
        this.tokens = tokens;
        this.clock = clock;
        this.account = account;
        this.sid = sid;
    }

    public String token() {
        return tokens.accessToken(clock, account, sid);
    }

    public WebTestClient.ResponseSpec post(String path, Object body) {
        return web.post().uri(path).header("Authorization", "Bearer " + token())
                .header("X-Forwarded-For", "203.0.113.7").header("User-Agent", "scripted-player/1.0")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Opens a session with {@code grant}; fails the test unless it is created. */
    public Map<String, Object> start(PlaybackGrant grant) {
        Map<String, Object> body = post("/api/v1/playback/sessions",
                Map.of("grant", tokens.grant(grant), "deviceFingerprint", "device-of-" + account + "-" + sid))
                .expectStatus().isCreated().expectBody(JSON).returnResult().getResponseBody();
        Map<String, Object> data = data(body);
        sessionId = (String) data.get("sessionId");
        position = ((Number) data.get("resumeSecond")).doubleValue();
        return data;
    }

    public Map<String, Object> beatBody(String state, String visibility, String event) {
        return Map.of("sequence", ++sequence, "position", position, "rate", rate, "state", state,
                "visibility", visibility, "event", event, "clientTime", clock.millis());
    }

    public WebTestClient.ResponseSpec send(Map<String, Object> beat) {
        return post("/api/v1/playback/sessions/" + sessionId + "/heartbeats", beat);
    }

    public Map<String, Object> beat(String state, String visibility, String event) {
        return data(send(beatBody(state, visibility, event)).expectStatus().isOk().expectBody(JSON).returnResult()
                .getResponseBody());
    }

    public Map<String, Object> play() {
        return beat("playing", "visible", "play");
    }

    /** Watches visibly for {@code seconds}, ticking every {@code every} seconds of fake time. */
    public Map<String, Object> watch(int seconds, int every) {
        Map<String, Object> last = null;
        for (int t = 0; t < seconds; t += every) {
            clock.advance(Duration.ofSeconds(every));
            position += every * rate;
            last = beat("playing", "visible", "tick");
        }
        return last;
    }

    public Map<String, Object> end() {
        return data(post("/api/v1/playback/sessions/" + sessionId + "/end", Map.of()).expectStatus().isOk()
                .expectBody(JSON).returnResult().getResponseBody());
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> data(Map<String, Object> body) {
        return (Map<String, Object>) body.get("data");
    }

    @SuppressWarnings("unchecked")
    public static List<String> directiveTypes(Map<String, Object> data) {
        return ((List<Map<String, Object>>) data.get("directives")).stream().map(d -> (String) d.get("type")).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> directive(Map<String, Object> data, String type) {
        return ((List<Map<String, Object>>) data.get("directives")).stream().filter(d -> type.equals(d.get("type")))
                .findFirst().orElseThrow();
    }
}

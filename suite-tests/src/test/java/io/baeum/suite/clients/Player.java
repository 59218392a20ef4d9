package io.baeum.suite.clients;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.baeum.suite.support.Api;

/**
 * The web player's side of a playback session at heartbeat-service (docs/heartbeat.md): it opens the
 * session with the grant, then reports where the media is, at which rate, whether it plays and whether
 * the tab is visible. Beats are sent in real time; the player keeps its own media position.
 */
public final class Player {

    private final Api api;
    private final String sessionId;
    private final int intervalSeconds;
    private final double maxRate;
    private long sequence;
    private double position;
    private double rate = 1.0;

    private Player(Api api, JsonNode session) {
        this.api = api;
        this.sessionId = session.path("sessionId").asString();
        this.intervalSeconds = session.path("heartbeatIntervalSeconds").asInt();
        this.maxRate = session.path("maxPlaybackRate").asDouble();
        this.position = session.path("resumeSecond").asDouble();
    }

    /** {@code POST /api/v1/playback/sessions} with the grant from learning-service. */
    public static Player start(Api browser, String accessToken, String grant) {
        Api trainee = browser.as(accessToken);
        JsonNode session = trainee.post("/api/v1/playback/sessions",
                Map.of("grant", grant, "deviceFingerprint", "suite-tests-browser")).data(201);
        return new Player(trainee, session);
    }

    public Duration interval() {
        return Duration.ofSeconds(intervalSeconds);
    }

    public double maxRate() {
        return maxRate;
    }

    public double position() {
        return position;
    }

    public Beat beat(String state, String visibility, String event) {
        Map<String, Object> beat = new LinkedHashMap<>();
        beat.put("sequence", ++sequence);
        beat.put("position", position);
        beat.put("rate", rate);
        beat.put("state", state);
        beat.put("visibility", visibility);
        beat.put("event", event);
        beat.put("clientTime", System.currentTimeMillis());
        return new Beat(api.post("/api/v1/playback/sessions/{id}/heartbeats", beat, sessionId).data());
    }

    /** Presses play where the media is. */
    public Beat play(String visibility) {
        return beat("playing", visibility, "play");
    }

    /** Lets {@code wall} of real time pass while the media plays at the current rate, then reports a tick. */
    public Beat playFor(Duration wall, String visibility) {
        sleep(wall);
        position += wall.toMillis() / 1000.0 * rate;
        return beat("playing", visibility, "tick");
    }

    /** Jumps the media to {@code second} (a seek event). */
    public Beat seekTo(double second, String visibility) {
        position = second;
        return beat("playing", visibility, "seek");
    }

    /** Changes the playback rate (a ratechange event). */
    public Beat changeRate(double newRate, String visibility) {
        rate = newRate;
        return beat("playing", visibility, "ratechange");
    }

    /** The media ended, then the session is closed. */
    public Beat finish() {
        beat("ended", "visible", "ended");
        return new Beat(api.post("/api/v1/playback/sessions/{id}/end", null, sessionId).data());
    }

    private static void sleep(Duration wall) {
        try {
            Thread.sleep(wall);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while playing", e);
        }
    }
}

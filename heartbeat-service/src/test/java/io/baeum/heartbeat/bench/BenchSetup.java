package io.baeum.heartbeat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.baeum.heartbeat.support.PlaybackGrants;
import io.baeum.heartbeat.support.TestTokens;

/**
 * Load-benchmark fixture (not a test): serves test JWKS for auth and learning, writes the properties the
 * service must start with, waits for it, opens N sessions with valid tokens and grants and writes
 * {@code token sessionId} lines for {@code heartbeat-service/src/test/bench/beats.lua}. Stays up (serving
 * JWKS) until killed. Usage: {@code BenchSetup <baseUrl> <sessions> <outDir>}.
 */
public final class BenchSetup {

    public static void main(String[] args) throws Exception {
        // the JWKS servers' threads would keep a failed setup alive, and the benchmark script waiting for it
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            error.printStackTrace();
            System.exit(1);
        });
        String base = args[0];
        int sessions = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        TestTokens tokens = new TestTokens();
        List<String> props = new ArrayList<>();
        // the keys; the emission timings stay production's (the tests' quick flush and claim are for tests)
        tokens.properties().forEach((k, v) -> {
            if (!k.startsWith("baeum.heartbeat.emission.") || k.endsWith(".key-id") || k.endsWith(".key-secret")) {
                props.add("--" + k + "=" + v);
            }
        });
        Files.write(out.resolve("app.args"), List.of(String.join(" ", props)));
        HttpClient http = HttpClient.newHttpClient();
        waitFor(http, base + "/actuator/health/readiness");
        Clock clock = Clock.systemUTC();
        Pattern id = Pattern.compile("\"sessionId\":\"([^\"]+)\"");
        long run = System.currentTimeMillis();
        // a few sessions at a time: signing and opening thousands one by one took minutes on a busy machine
        List<String> lines = java.util.stream.IntStream.range(0, sessions).parallel().mapToObj(i -> {
            String account = "bench-" + run + "-" + i;
            String token = tokens.accessToken(clock, account, "sid-" + account);
            String grant = tokens.grant(PlaybackGrants.aGrant().id("g-" + account).account(account).video(3600, 3600)
                    .maxRate(4.0).freeSeeking().period(LocalDate.now().minusDays(1), LocalDate.now().plusDays(1))
                    .today(LocalDate.now(java.time.ZoneId.of("Asia/Seoul")), 0, false)
                    .issuedAt(clock.instant()).build());
            HttpRequest start = HttpRequest.newBuilder(URI.create(base + "/api/v1/playback/sessions"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"grant\":\"" + grant + "\",\"deviceFingerprint\":\"d" + i + "\"}"))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(start, HttpResponse.BodyHandlers.ofString());
                // the service fetches the JWKS on first use (2 s timeout): on a loaded machine that first fetch
                // may time out and refuse the token; the keys come with a later try
                for (int attempt = 0; attempt < 30 && (response.statusCode() == 401 || response.statusCode() == 403
                        || response.statusCode() == 503); attempt++) {
                    Thread.sleep(1000);
                    response = http.send(start, HttpResponse.BodyHandlers.ofString());
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            Matcher matcher = id.matcher(response.body());
            if (response.statusCode() != 201 || !matcher.find()) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return token + " " + matcher.group(1);
        }).toList();
        Files.write(out.resolve("sessions.txt"), lines);
        System.out.println("READY " + sessions + " sessions");
        Thread.currentThread().join();
    }

    private static void waitFor(HttpClient http, String url) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("service not ready at " + url);
    }
}

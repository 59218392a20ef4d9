package io.baeum.exam.attempt;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import io.baeum.exam.testing.ExamFixture;
import io.baeum.exam.testing.ExamTokens;
import io.baeum.testing.BaeumInfrastructure;

/**
 * Load harness (docs/benchmarks.md, exam-service): N trainees (default 1,000) start the same final exam
 * at random moments within a ramp (default 60 s), then each autosaves an answer every 10 s for the
 * rest of the run (default 60 s after the ramp). Reports start and save latency percentiles, request
 * throughput, and CPU and allocation of the JVM per request (client and server share the JVM).
 * {@code -Pbench -Dbench.trainees=1000 -Dbench.rampSeconds=60 -Dbench.saveSeconds=60}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class AttemptLoadBenchmark {

    @RegisterExtension
    static final BaeumInfrastructure infra = BaeumInfrastructure.create().withPostgres().withSqs("exam-events", "learning-events");

    static final ExamTokens tokens = new ExamTokens(Clock.systemUTC());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infra.registerProperties(registry);
        registry.add("baeum.security.token.jwks-uri", tokens::jwksUri);
        registry.add("logging.level.root", () -> "WARN");
    }

    @AfterAll
    static void closeTokens() {
        tokens.close();
    }

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void traineesStartTheSameExamWithinAMinuteAndAutosaveEveryTenSeconds() throws Exception {
        int trainees = Integer.getInteger("bench.trainees", 1000);
        int rampSeconds = Integer.getInteger("bench.rampSeconds", 60);
        int saveSeconds = Integer.getInteger("bench.saveSeconds", 60);
        ExamFixture exam = new ExamFixture(web, tokens, infra, Clock.systemUTC());
        List<String> items = exam.choiceItems("C-BENCH", "MEDIUM", 10);
        String finalExam = exam.evaluation("C-BENCH", "FINAL").fixed(items).set("timeLimitSeconds", 3600).published();
        try (Connection c = infra.database().connect();
             PreparedStatement s = c.prepareStatement("INSERT INTO standing (account_id, course_id, active, course_progress, status_changed_at) "
                     + "VALUES (?, 'C-BENCH', true, 100, now())")) {
            for (int t = 0; t < trainees; t++) {
                s.setString(1, "bench-" + t);
                s.addBatch();
            }
            s.executeBatch();
        }
        List<String> bearer = new ArrayList<>();
        for (int t = 0; t < trainees; t++) {
            bearer.add(tokens.token("bench-" + t, List.of("TRAINEE"), Clock.systemUTC().instant()));
        }
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.builder("bench")
                        .maxConnections(1200).pendingAcquireMaxCount(-1).build()))).build();
        // warm-up: the JWKS fetch, JIT of the hot paths (not measured)
        exam.enrolled("warm-up", "C-BENCH", 100);
        String warm = tokens.trainee("warm-up");
        String warmAttempt = (String) exam.started(warm, finalExam).get("id");
        for (int i = 0; i < 50; i++) {
            exam.save(warm, warmAttempt, items.get(i % items.size()), i, List.of(1 + i % 4), null).expectStatus().isOk();
        }

        ConcurrentLinkedQueue<Long> starts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> saves = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        Random random = new Random(7);
        long[] delays = new long[trainees];
        for (int t = 0; t < trainees; t++) {
            delays[t] = (long) (random.nextDouble() * rampSeconds * 1000);
        }
        long endAt = System.currentTimeMillis() + (rampSeconds + saveSeconds) * 1000L;
        var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpuBefore = cpu.getProcessCpuTime();
        long allocatedBefore = threads.getTotalThreadAllocatedBytes();
        long began = System.nanoTime();
        Flux.range(0, trainees)
                .flatMap(t -> Mono.delay(Duration.ofMillis(delays[t]))
                        .then(timed(client.post().uri("/api/v1/exams/evaluations/{id}/attempts", finalExam)
                                .headers(h -> h.setBearerAuth(bearer.get(t))).retrieve().bodyToMono(Map.class), starts, failures))
                        .flatMapMany(body -> {
                            String attempt = (String) ((Map<?, ?>) body.get("data")).get("id");
                            long offset = random.nextInt(10_000);
                            return Flux.interval(Duration.ofMillis(offset), Duration.ofSeconds(10))
                                    .takeWhile(n -> System.currentTimeMillis() < endAt)
                                    .concatMap(n -> timed(client.put().uri("/api/v1/exams/attempts/{a}/answers/{p}", attempt,
                                                    items.get((int) (n % items.size())))
                                            .headers(h -> h.setBearerAuth(bearer.get(t)))
                                            .bodyValue(Map.of("seq", n + 1, "choices", List.of(1 + (int) (n % 4))))
                                            .retrieve().bodyToMono(Map.class), saves, failures));
                        }), trainees)
                .onErrorContinue((e, o) -> failures.incrementAndGet())
                .blockLast(Duration.ofSeconds(rampSeconds + saveSeconds + 300));
        double seconds = (System.nanoTime() - began) / 1e9;
        long requests = starts.size() + saves.size();
        double cpuMsPerRequest = (cpu.getProcessCpuTime() - cpuBefore) / 1e6 / Math.max(1, requests);
        double kbPerRequest = (threads.getTotalThreadAllocatedBytes() - allocatedBefore) / 1024.0 / Math.max(1, requests);
        System.out.printf("exam load: %d trainees, ramp %d s, %d s of saves: %d starts, %d saves, %d failures in %.1f s (%.1f req/s), "
                        + "%.2f ms CPU and %.0f KiB allocated per request (client + server)%n", trainees, rampSeconds, saveSeconds, starts.size(),
                saves.size(), failures.get(), seconds, requests / seconds, cpuMsPerRequest, kbPerRequest);
        System.out.println("start " + percentiles(starts));
        System.out.println("save  " + percentiles(saves));
    }

    private static <T> Mono<T> timed(Mono<T> call, ConcurrentLinkedQueue<Long> into, AtomicInteger failures) {
        return Mono.defer(() -> {
            long t0 = System.nanoTime();
            return call.doOnSuccess(v -> into.add(System.nanoTime() - t0))
                    .onErrorResume(e -> {
                        failures.incrementAndGet();
                        return Mono.empty();
                    });
        });
    }

    private static String percentiles(ConcurrentLinkedQueue<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "no samples";
        }
        return String.format("n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms", sorted.size(), at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), sorted.getLast() / 1e6);
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}

package io.baeum.heartbeat.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Open-model load (not a test): heartbeats at a constant arrival rate whatever the server does, over the
 * sessions {@link BenchSetup} opened. Latency is measured from each request's <em>intended</em> send time,
 * so a stalled server shows up as latency instead of as fewer requests (no coordinated omission).
 * The first {@value #WARM_UP_SECONDS} s run at the same rate unrecorded (JIT and connection set-up on both sides).
 * Usage: {@code OpenModelLoad <baseUrl> <sessions.txt> <beatsPerSecond> <seconds> [connections]}.
 */
public final class OpenModelLoad {

    static final int WARM_UP_SECONDS = 10;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String[]> sessions = Files.readAllLines(Path.of(args[1])).stream().map(l -> l.split(" ")).toList();
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 256;

        HttpClient client = HttpClient.create(ConnectionProvider.builder("open-model").maxConnections(connections)
                        .pendingAcquireMaxCount(-1).build())
                .baseUrl(base)
                .responseTimeout(Duration.ofSeconds(10));
        int[] sequence = new int[sessions.size()];
        Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toNanos(30), 3);
        AtomicLong failures = new AtomicLong();
        long warmUp = (long) (rate * WARM_UP_SECONDS);
        long total = warmUp + (long) (rate * seconds);
        CountDownLatch done = new CountDownLatch((int) total);
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);

        for (long i = 0; i < total; i++) {
            long intended = start + i * intervalNanos;
            boolean recorded = i >= warmUp;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int s = (int) (i % sessions.size());
            int seq = ++sequence[s];
            String body = "{\"sequence\":" + seq + ",\"position\":" + (seq % 3500)
                    + ",\"rate\":1.0,\"state\":\"playing\",\"visibility\":\"visible\",\"event\":\"tick\",\"clientTime\":0}";
            client.headers(h -> h.set("Authorization", "Bearer " + sessions.get(s)[0]).set("Content-Type", "application/json"))
                    .post()
                    .uri("/api/v1/playback/sessions/" + sessions.get(s)[1] + "/heartbeats")
                    .send(Mono.just(Unpooled.wrappedBuffer(body.getBytes())))
                    .responseSingle((response, bytes) -> bytes.asString().defaultIfEmpty("").thenReturn(response.status().code()))
                    .subscribe(status -> {
                        record(latency, failures, recorded, intended, status == 200);
                        done.countDown();
                    }, error -> {
                        record(latency, failures, recorded, intended, false);
                        done.countDown();
                    });
        }
        done.await(60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9 - WARM_UP_SECONDS;
        System.out.printf("offered %.0f beats/s for %d s: %d requests in %.1f s, %d failed%n", rate, seconds,
                latency.getTotalCount(), elapsed, failures.get());
        System.out.printf("latency from intended send: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                ms(latency, 50), ms(latency, 90), ms(latency, 99), ms(latency, 99.9), latency.getMaxValue() / 1e6);
        System.exit(0);
    }

    private static void record(Histogram latency, AtomicLong failures, boolean recorded, long intended, boolean ok) {
        if (!recorded) {
            return;
        }
        latency.recordValue(System.nanoTime() - intended);
        if (!ok) {
            failures.incrementAndGet();
        }
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }
}

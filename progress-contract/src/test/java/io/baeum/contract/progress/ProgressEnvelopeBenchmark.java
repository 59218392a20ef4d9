package io.baeum.contract.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.baeum.contract.progress.ProgressEventKind.CreditRefused;
import io.baeum.contract.progress.ProgressEventKind.WatchCredited;

/**
 * Cost of sealing (heartbeat side) and opening (learning side) a realistic progress batch: mostly
 * credited intervals of a few thousand concurrent sessions, some refusals. Run: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProgressEnvelopeBenchmark {

    @Param({"10", "100", "500"})
    public int events;

    private ProgressEnvelopeCodec codec;
    private ProgressBatchV1Codec payload;
    private ProgressBatch batch;
    private String sealed;

    @Setup(Level.Trial)
    public void setUp() {
        codec = new ProgressEnvelopeCodec(ProgressBatches.ringWithPrevious(), ProgressEnvelopeLimits.defaults());
        payload = new ProgressBatchV1Codec();
        Random random = new Random(42);
        List<ProgressEvent> list = new ArrayList<>(events);
        long now = 1_773_100_800_000L;
        for (int i = 0; i < events; i++) {
            int session = random.nextInt(5_000);
            int from = random.nextInt(3_000);
            ProgressEventKind kind = random.nextInt(10) == 0
                    ? new CreditRefused("SEEK_AHEAD", from, 10_000)
                    : new WatchCredited(from, from + 10, 10_000, from + 10);
            list.add(new ProgressEvent(new UUID(random.nextLong(), random.nextLong()), now + i,
                    "acct-" + session, "enr-" + session, "lsn-" + random.nextInt(40), "pbs-" + session, kind));
        }
        batch = new ProgressBatch("heartbeat-bench", now, UUID.randomUUID(), list);
        sealed = codec.seal(payload, batch);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        codec.close();
    }

    @Benchmark
    public String seal() {
        return codec.seal(payload, batch);
    }

    @Benchmark
    public OpenedEnvelope<ProgressBatch> open() {
        return codec.open(sealed, payload);
    }

    /** Encoded size per batch, printed once so the doc can quote it. */
    public static void main(String[] args) {
        ProgressEnvelopeBenchmark bench = new ProgressEnvelopeBenchmark();
        for (int n : new int[] {10, 100, 500}) {
            bench.events = n;
            bench.setUp();
            System.out.printf("%d events: %d base64 chars, %d protobuf bytes%n", n, bench.sealed.length(),
                    bench.payload.encode(bench.batch).length);
            bench.tearDown();
        }
    }
}

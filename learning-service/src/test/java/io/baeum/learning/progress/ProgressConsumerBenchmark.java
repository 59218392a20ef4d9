package io.baeum.learning.progress;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Flux;

import io.baeum.contract.progress.ProgressBatchV1Codec;
import io.baeum.contract.progress.ProgressEnvelopeCodec;
import io.baeum.contract.progress.ProgressEvent;
import io.baeum.contract.progress.ProgressEventKind;
import io.baeum.learning.testing.LearningMother;
import io.baeum.learning.testing.LearningMother.CohortFixture;
import io.baeum.learning.testing.ProgressEvents;
import io.baeum.learning.testing.StandaloneLearning;

/**
 * Progress events applied per second into PostgreSQL: sealed batches of 500 events (what heartbeat
 * sends) are opened (HMAC, zstd, protobuf) and applied by {@link ProgressConsumer} with the listener's
 * concurrency (8 batches at once), on a fresh database. Not part of {@code verify}: run with
 * {@code ./mvnw -B -q -pl learning-service -am verify -Pbench}. Figures: docs/benchmarks.md.
 */
class ProgressConsumerBenchmark {

    static final int ENROLLMENTS = 400;
    static final int LESSONS = 20;
    static final int EVENTS_PER_BATCH = 500;
    static final int WARM_UP_BATCHES = 40;
    static final int BATCHES = Integer.getInteger("bench.batches", 400);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);

    @Test
    void progressEventsAppliedPerSecond() {
        try (StandaloneLearning learning = StandaloneLearning.start("progress_bench")) {
            LearningMother mother = new LearningMother(learning::connect);
            int[] durations = new int[LESSONS];
            java.util.Arrays.fill(durations, 3600);
            CohortFixture cohort = mother.cohort(mother.publishedCourse("SAEOPJU", durations), LocalDate.of(2025, 12, 1),
                    LocalDate.of(2027, 6, 30), 100_000);
            List<UUID> enrollments = new ArrayList<>();
            for (int i = 0; i < ENROLLMENTS; i++) {
                enrollments.add(mother.activeEnrollment(cohort, "bench-" + i));
            }
            List<String> bodies = batches(cohort, enrollments, WARM_UP_BATCHES + BATCHES);
            ProgressEnvelopeCodec codec = learning.bean(ProgressEnvelopeCodec.class);
            ProgressConsumer consumer = learning.bean(ProgressConsumer.class);
            ProgressBatchV1Codec payloads = new ProgressBatchV1Codec();

            run(bodies.subList(0, WARM_UP_BATCHES), codec, consumer, payloads);
            long start = System.nanoTime();
            long applied = run(bodies.subList(WARM_UP_BATCHES, bodies.size()), codec, consumer, payloads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("BENCH progress consumer: %d events in %d batches of %d, concurrency %d: %.2f s, %.0f events/s, %.1f ms/batch%n",
                    applied, BATCHES, EVENTS_PER_BATCH, CONCURRENCY, seconds, applied / seconds, seconds * 1000 * CONCURRENCY / BATCHES);
        }
    }

    private static long run(List<String> bodies, ProgressEnvelopeCodec codec, ProgressConsumer consumer, ProgressBatchV1Codec payloads) {
        return Flux.fromIterable(bodies)
                .flatMap(body -> consumer.apply(codec.open(body, payloads).payload()), CONCURRENCY)
                .map(ProgressConsumer.Outcome::applied)
                .reduce(0L, Long::sum)
                .block();
    }

    /** Realistic batches: per (enrollment, lesson) consecutive 10-second credits, some refusals, challenges and session ends. */
    private static List<String> batches(CohortFixture cohort, List<UUID> enrollments, int count) {
        Random random = new Random(42);
        int[] position = new int[enrollments.size() * LESSONS];
        long clock = 1_790_000_000_000L;
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            List<ProgressEvent> events = new ArrayList<>(EVENTS_PER_BATCH);
            for (int i = 0; i < EVENTS_PER_BATCH; i++) {
                int e = random.nextInt(enrollments.size());
                int l = random.nextInt(LESSONS);
                int slot = e * LESSONS + l;
                int from = position[slot];
                ProgressEventKind kind;
                int dice = random.nextInt(100);
                if (dice < 85 && from < 3590) {
                    kind = new ProgressEventKind.WatchCredited(from, from + 10, 10_000, from + 10);
                    position[slot] = from + 10;
                } else if (dice < 92) {
                    kind = new ProgressEventKind.CreditRefused("HIDDEN", from, 10_000);
                } else if (dice < 96) {
                    kind = new ProgressEventKind.ChallengeResolved("chl-" + b + "-" + i, ProgressEventKind.ChallengeKind.PRESENCE_CODE,
                            ProgressEventKind.ChallengeOutcome.PASSED);
                } else {
                    kind = new ProgressEventKind.SessionEnded("ENDED", from);
                }
                clock += 7;
                events.add(new ProgressEvent(UUID.randomUUID(), clock, "bench-" + e, enrollments.get(e).toString(),
                        cohort.course().lesson(l).toString(), "pbs-" + e, kind));
            }
            bodies.add(ProgressEvents.seal(events));
        }
        return bodies;
    }
}

package io.baeum.heartbeat.playback.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import tools.jackson.databind.json.JsonMapper;

import io.baeum.contract.progress.ProgressBatch;
import io.baeum.contract.progress.ProgressBatchV1Codec;
import io.baeum.contract.progress.ProgressEnvelopeCodec;
import io.baeum.contract.progress.ProgressEnvelopeLimits;
import io.baeum.contract.progress.ProgressEvent;
import io.baeum.contract.progress.ProgressEventKind.WatchCredited;
import io.baeum.contract.progress.ProgressKey;
import io.baeum.contract.progress.ProgressKeyRing;
import io.baeum.heartbeat.playback.domain.Coverage;
import io.baeum.heartbeat.playback.domain.PlaybackSession;
import io.baeum.heartbeat.support.TestTokens;
import io.baeum.testing.TestSqs;

/**
 * Load-benchmark check (not a test), run by {@code src/test/bench/run.sh} after the load: waits until the
 * emitter has emptied the Redis backlog, drains the queue, verifies and opens every envelope with
 * progress-contract's codec, and checks every benchmark session's stored state against what arrived:
 * the union of its {@code WatchCredited} intervals is the session's coverage, their lengths add up to it
 * (no second credited twice) and their credited time to the session's study time; no event id twice.
 * Prints one summary line and exits non-zero on any difference.
 * Usage: {@code BenchDrain <sqs endpoint> <queue url> <sessions file> <key prefix>}; with {@code purge} as the
 * sessions file it only empties the queue (whatever it holds).
 */
public final class BenchDrain {

    private record Credits(List<WatchCredited> intervals) {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        String queue = args[1];
        if ("purge".equals(args[2])) {
            try (SqsAsyncClient sqs = client(endpoint)) {
                sqs.purgeQueue(b -> b.queueUrl(queue)).join();
            }
            return;
        }
        List<String> sessions = Files.readAllLines(Path.of(args[2])).stream().map(line -> line.split(" ")[1]).toList();
        String prefix = args[3];
        RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
        try (StatefulRedisConnection<String, String> connection = client.connect();
                SqsAsyncClient sqs = client(endpoint);
                ProgressEnvelopeCodec envelopes = new ProgressEnvelopeCodec(ProgressKeyRing.of(ProgressKey.fromBase64(
                        TestTokens.PROGRESS_KEY_ID, TestTokens.PROGRESS_KEY_SECRET)), ProgressEnvelopeLimits.defaults())) {
            RedisCommands<String, String> redis = connection.sync();
            long waited = waitForEmptyBacklog(redis, prefix + "events");
            Set<UUID> seen = new HashSet<>();
            Map<String, Credits> credits = new HashMap<>();
            int messages = 0;
            long events = 0;
            long duplicates = 0;
            long watchCredited = 0;
            int emptyReceives = 0;
            while (emptyReceives < 3) {
                List<Message> received = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(0))
                        .join().messages();
                if (received.isEmpty()) {
                    emptyReceives++;
                    Thread.sleep(200);
                    continue;
                }
                emptyReceives = 0;
                List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
                for (Message message : received) {
                    messages++;
                    ProgressBatch batch = envelopes.open(message.body(), new ProgressBatchV1Codec()).payload();
                    for (ProgressEvent event : batch.events()) {
                        events++;
                        if (!seen.add(event.eventId())) {
                            duplicates++;
                            continue;
                        }
                        if (event.kind() instanceof WatchCredited credited) {
                            watchCredited++;
                            credits.computeIfAbsent(event.playbackSessionId(), id -> new Credits(new ArrayList<>()))
                                    .intervals().add(credited);
                        }
                    }
                    deletes.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(deletes.size()))
                            .receiptHandle(message.receiptHandle()).build());
                }
                sqs.deleteMessageBatch(b -> b.queueUrl(queue).entries(deletes)).join();
            }
            SessionStateCodec codec = new SessionStateCodec(JsonMapper.builder().build());
            int mismatched = 0;
            long creditedSeconds = 0;
            for (String id : sessions) {
                Map<String, String> stored = redis.hgetall(prefix + "session:" + id);
                PlaybackSession session = SessionStateCodec.decode(codec.decodeTerms(stored.get("t")),
                        Long.parseLong(stored.get("v")), stored.get("p"));
                List<WatchCredited> intervals = credits.getOrDefault(id, new Credits(List.of())).intervals();
                Coverage union = Coverage.empty();
                long seconds = 0;
                long millis = 0;
                for (WatchCredited interval : intervals) {
                    union = union.plus(interval.fromSecond(), interval.toSecond());
                    seconds += interval.toSecond() - interval.fromSecond();
                    millis += interval.creditedMillis();
                }
                creditedSeconds += seconds;
                boolean ok = union.equals(session.coverage()) && seconds == session.coverage().seconds()
                        && millis == session.studyMillis();
                if (!ok && mismatched++ < 5) {
                    System.out.printf("MISMATCH %s: stored coverage %s (%d s), study %d ms; queue %s (%d s), %d ms%n", id,
                            session.coverage().spans(), session.coverage().seconds(), session.studyMillis(), union.spans(),
                            seconds, millis);
                }
            }
            boolean passed = mismatched == 0 && duplicates == 0;
            System.out.printf("drain check %s: backlog sent %.1f s after the load; %d messages, %d events (%d WatchCredited,"
                            + " %d credited seconds), %d duplicate event ids; %d sessions checked, %d mismatched%n",
                    passed ? "PASSED" : "FAILED", waited / 1000.0, messages, events, watchCredited, creditedSeconds,
                    duplicates, sessions.size(), mismatched);
            if (!passed) {
                System.exit(1);
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static SqsAsyncClient client(String endpoint) {
        return SqsAsyncClient.builder().endpointOverride(java.net.URI.create(endpoint)).region(Region.of(TestSqs.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(TestSqs.ACCESS_KEY,
                        TestSqs.SECRET_KEY))).build();
    }

    /**
     * Milliseconds until the emitters' group had read every backlog entry and none was left pending, i.e.
     * SQS accepted all of them. (An empty stream is not required: an entry whose XACK went through but whose
     * XDEL timed out stays in the stream, delivered and acknowledged.)
     */
    private static long waitForEmptyBacklog(RedisCommands<String, String> redis, String stream) throws InterruptedException {
        long started = System.currentTimeMillis();
        while (redis.exists(stream) > 0 && !allAcknowledged(redis, stream)) {
            if (System.currentTimeMillis() - started > 300_000) {
                throw new IllegalStateException("the backlog still holds unsent events after 5 minutes: " + redis.xinfoGroups(stream));
            }
            Thread.sleep(100);
        }
        return System.currentTimeMillis() - started;
    }

    /** XINFO GROUPS: every group with lag 0 and no pending entry (a stream nobody reads counts as unsent). */
    private static boolean allAcknowledged(RedisCommands<String, String> redis, String stream) {
        List<Object> groups = redis.xinfoGroups(stream);
        if (groups.isEmpty()) {
            return redis.xlen(stream) == 0;
        }
        for (Object group : groups) {
            List<?> fields = (List<?>) group;
            Map<String, Object> info = new HashMap<>();
            for (int i = 0; i + 1 < fields.size(); i += 2) {
                info.put(String.valueOf(fields.get(i)), fields.get(i + 1));
            }
            Object lag = info.get("lag"); // Redis 7; before it, only an empty stream shows that all was read
            if (!"0".equals(String.valueOf(info.get("pending")))
                    || (lag == null ? redis.xlen(stream) > 0 : !"0".equals(String.valueOf(lag)))) {
                return false;
            }
        }
        return true;
    }

    private BenchDrain() {
    }
}

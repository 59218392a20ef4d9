package io.baeum.heartbeat.emission;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.github.resilience4j.reactor.retry.RetryOperator;
import io.github.resilience4j.retry.Retry;
import io.lettuce.core.Consumer;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

import org.springframework.context.SmartLifecycle;

import io.baeum.contract.progress.ProgressBatch;
import io.baeum.contract.progress.ProgressBatchSplitter;
import io.baeum.contract.progress.ProgressBatchV1Codec;
import io.baeum.contract.progress.ProgressEnvelopeCodec;
import io.baeum.contract.progress.ProgressEvent;
import io.baeum.heartbeat.config.RedisConnection;

/**
 * Drains the Redis backlog of progress events to SQS. Every instance runs one: every flush interval (and
 * at once again while reads come back full) it takes over entries another reader left pending for longer
 * than the claim-idle time (a killed instance, a failed send), reads new entries through the stream's
 * consumer group, packs them into as few signed, compressed envelopes as the limits allow, and sends them
 * with SendMessageBatch (retry, then circuit breaker). An entry is acknowledged and deleted only after
 * SQS accepted the message carrying it; anything else stays in Redis for the next attempt, here or on
 * another instance. Delivery is at least once: learning-service deduplicates on event ids.
 */
public final class ProgressEmitter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProgressEmitter.class);
    static final String GROUP = "emitters";
    private static final int SQS_BATCH_ENTRIES = 10;

    private final RedisConnection redis;
    private final SqsAsyncClient sqs;
    private final ProgressEnvelopeCodec envelopes;
    private final ProgressBatchSplitter splitter;
    private final Settings settings;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Scheduler scheduler = Schedulers.newBoundedElastic(1, 10_000, "progress-emitter");
    private final AtomicBoolean groupReady = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private final Counter sent;
    private final Counter sendFailures;
    private final DistributionSummary batchSizes;
    private final Timer sendLatency;
    private volatile Mono<String> queueUrl;
    private volatile Disposable loop;
    /** When the next take-over of stale entries is due ({@link System#nanoTime()}); the first flush does one. */
    private volatile long nextClaimNanos = System.nanoTime();

    /**
     * @param streamKey        the backlog stream
     * @param queue            queue name or URL
     * @param producerId       this instance (batch producer id and stream consumer name)
     * @param flushInterval    time between flushes
     * @param maxEventsPerRead entries per read
     * @param claimIdle        idle time after which a pending entry is taken over
     * @param sendTimeout      timeout of one SendMessageBatch
     */
    public record Settings(String streamKey, String queue, String producerId, Duration flushInterval,
                           int maxEventsPerRead, Duration claimIdle, Duration sendTimeout) {
    }

    public ProgressEmitter(RedisConnection redis, SqsAsyncClient sqs, ProgressEnvelopeCodec envelopes,
            ProgressBatchSplitter splitter, Settings settings, Retry retry, CircuitBreaker breaker, MeterRegistry meters) {
        this.redis = redis;
        this.sqs = sqs;
        this.envelopes = envelopes;
        this.splitter = splitter;
        this.settings = settings;
        this.retry = retry;
        this.breaker = breaker;
        this.sent = Counter.builder("baeum.heartbeat.emission.events.sent").register(meters);
        this.sendFailures = Counter.builder("baeum.heartbeat.emission.send.failures").register(meters);
        this.batchSizes = DistributionSummary.builder("baeum.heartbeat.emission.batch.events")
                .description("progress events per SQS message").register(meters);
        this.sendLatency = Timer.builder("baeum.heartbeat.emission.send.latency")
                .description("SendMessageBatch latency").publishPercentileHistogram().register(meters);
        Gauge.builder("baeum.heartbeat.emission.backlog", backlog, AtomicLong::get)
                .description("progress events in Redis not yet accepted by SQS").register(meters);
        this.queueUrl = resolveQueueUrl();
    }

    @Override
    public void start() {
        loop = Flux.interval(settings.flushInterval(), scheduler)
                .onBackpressureDrop()
                .concatMap(tick -> flush().onErrorResume(e -> {
                    log.warn("progress flush failed, the backlog stays in Redis: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = loop;
        if (running != null) {
            running.dispose();
        }
        loop = null;
        scheduler.dispose();
    }

    @Override
    public boolean isRunning() {
        return loop != null && !loop.isDisposed();
    }

    /** Stops before the Redis connection and the SQS client go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    /**
     * One flush: takes over stale entries (at most twice per claim-idle time: an entry is stale only after
     * that long, so looking every flush would only cost Redis calls), then reads and sends new ones until a
     * read comes back short.
     */
    Mono<Void> flush() {
        if (breaker.getState() == CircuitBreaker.State.OPEN) {
            return refreshBacklog();
        }
        long now = System.nanoTime();
        boolean claimDue = now - nextClaimNanos >= 0;
        if (claimDue) {
            nextClaimNanos = now + settings.claimIdle().toNanos() / 2;
        }
        return ensureGroup()
                .then(claimDue ? claimStale().flatMap(this::send) : Mono.<Void>empty())
                .then(readNew().expand(sentCount -> sentCount >= settings.maxEventsPerRead() ? readNew() : Mono.empty())
                        .then())
                .then(refreshBacklog())
                .doOnError(ProgressEmitter::isMissingGroup, e -> {
                    // Redis came back without its data (restarted without persistence, failed over to an empty
                    // replica): the next beat's XADD made a new stream, without the group. Make it again.
                    log.warn("the progress backlog's consumer group is gone (Redis lost its data?): creating it again");
                    groupReady.set(false);
                });
    }

    /** Redis' {@code NOGROUP} error: the stream or its consumer group does not exist. */
    static boolean isMissingGroup(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (String.valueOf(e.getMessage()).contains("NOGROUP")) {
                return true;
            }
        }
        return false;
    }

    private Mono<Integer> readNew() {
        return redis.many(r -> r.xreadgroup(Consumer.from(GROUP, settings.producerId()),
                        XReadArgs.Builder.count(settings.maxEventsPerRead()),
                        XReadArgs.StreamOffset.lastConsumed(settings.streamKey())))
                .collectList()
                .publishOn(scheduler) // packing, compressing and signing stay off Redis' event loop
                .flatMap(entries -> entries.isEmpty() ? Mono.just(0) : send(entries).thenReturn(entries.size()));
    }

    private Mono<List<StreamMessage<String, String>>> claimStale() {
        return redis.call(r -> r.xautoclaim(settings.streamKey(), XAutoClaimArgs.Builder
                        .xautoclaim(Consumer.from(GROUP, settings.producerId()), settings.claimIdle(), "0-0")
                        .count(settings.maxEventsPerRead())))
                .publishOn(scheduler)
                .map(claimed -> claimed.getMessages())
                .filter(messages -> !messages.isEmpty())
                .doOnNext(messages -> log.info("took over {} progress events left pending", messages.size()));
    }

    private Mono<Void> send(List<StreamMessage<String, String>> entries) {
        Map<UUID, String> streamIds = new LinkedHashMap<>();
        List<ProgressEvent> events = new ArrayList<>(entries.size());
        List<String> undecodable = new ArrayList<>();
        for (StreamMessage<String, String> entry : entries) {
            String value = entry.getBody().get("e");
            try {
                ProgressEvent event = BacklogEncoding.decode(value);
                events.add(event);
                streamIds.put(event.eventId(), entry.getId());
            } catch (RuntimeException e) {
                // cannot happen short of corruption; keeping it would block nothing but would be retried forever
                log.error("dropping undecodable backlog entry {}: {}", entry.getId(), e.toString());
                undecodable.add(entry.getId());
            }
        }
        List<ProgressBatch> batches = splitter.split(settings.producerId(), System.currentTimeMillis(), events,
                ProgressEmitter::batchId);
        List<List<ProgressBatch>> requests = new ArrayList<>();
        for (int i = 0; i < batches.size(); i += SQS_BATCH_ENTRIES) {
            requests.add(batches.subList(i, Math.min(batches.size(), i + SQS_BATCH_ENTRIES)));
        }
        return acknowledge(undecodable)
                .thenMany(Flux.fromIterable(requests).concatMap(request -> sendRequest(request, streamIds)))
                .then();
    }

    private Mono<Void> sendRequest(List<ProgressBatch> batches, Map<UUID, String> streamIds) {
        List<SendMessageBatchRequestEntry> messages = new ArrayList<>(batches.size());
        for (int i = 0; i < batches.size(); i++) {
            messages.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                    .messageBody(envelopes.seal(new ProgressBatchV1Codec(), batches.get(i))).build());
        }
        return queueUrl
                .flatMap(url -> Mono.defer(() -> {
                            long started = System.nanoTime();
                            return Mono.fromFuture(() -> sqs.sendMessageBatch(b -> b.queueUrl(url).entries(messages)))
                                    .timeout(settings.sendTimeout())
                                    .doOnNext(r -> sendLatency.record(Duration.ofNanos(System.nanoTime() - started)));
                        })
                        .transformDeferred(RetryOperator.of(retry))
                        .transformDeferred(CircuitBreakerOperator.of(breaker)))
                .flatMap(response -> acknowledge(accepted(response, batches, streamIds)))
                .onErrorResume(e -> {
                    sendFailures.increment();
                    log.warn("SQS did not accept {} progress message(s); they stay in Redis: {}", batches.size(), e.toString());
                    queueUrl = resolveQueueUrl();
                    return Mono.empty();
                });
    }

    private List<String> accepted(SendMessageBatchResponse response, List<ProgressBatch> batches,
            Map<UUID, String> streamIds) {
        List<String> ids = new ArrayList<>();
        response.successful().forEach(ok -> {
            ProgressBatch batch = batches.get(Integer.parseInt(ok.id()));
            batchSizes.record(batch.events().size());
            sent.increment(batch.events().size());
            batch.events().forEach(event -> ids.add(streamIds.get(event.eventId())));
        });
        if (response.hasFailed() && !response.failed().isEmpty()) {
            sendFailures.increment(response.failed().size());
            log.warn("SQS refused {} progress message(s): {}", response.failed().size(), response.failed().getFirst().code());
        }
        return ids;
    }

    private Mono<Void> acknowledge(List<String> ids) {
        if (ids.isEmpty()) {
            return Mono.empty();
        }
        String[] array = ids.toArray(String[]::new);
        return redis.call(r -> r.xack(settings.streamKey(), GROUP, array).then(r.xdel(settings.streamKey(), array))).then();
    }

    private Mono<Void> ensureGroup() {
        if (groupReady.get()) {
            return Mono.empty();
        }
        return redis.call(r -> r.xgroupCreate(XReadArgs.StreamOffset.from(settings.streamKey(), "0"), GROUP,
                        XGroupCreateArgs.Builder.mkstream()))
                .onErrorResume(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")
                        || e.getCause() != null && String.valueOf(e.getCause().getMessage()).contains("BUSYGROUP")
                        ? Mono.just("exists") : Mono.error(e))
                .doOnNext(ok -> groupReady.set(true))
                .then();
    }

    private Mono<Void> refreshBacklog() {
        return redis.call(r -> r.xlen(settings.streamKey())).doOnNext(backlog::set).then();
    }

    private Mono<String> resolveQueueUrl() {
        if (settings.queue().startsWith("http://") || settings.queue().startsWith("https://")) {
            return Mono.just(settings.queue());
        }
        return Mono.defer(() -> Mono.fromFuture(sqs.getQueueUrl(b -> b.queueName(settings.queue()))))
                .map(response -> response.queueUrl())
                .timeout(settings.sendTimeout())
                .cache(ok -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
    }

    private static UUID batchId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    }
}

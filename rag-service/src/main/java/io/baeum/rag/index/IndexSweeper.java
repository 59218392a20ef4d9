package io.baeum.rag.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.baeum.rag.config.RagProperties;
import io.baeum.rag.index.persistence.ChunkStore;
import io.baeum.rag.index.persistence.ChunkStore.Claimed;
import io.baeum.rag.index.persistence.ChunkStore.NewChunk;
import io.baeum.rag.text.Chunker;
import io.baeum.rag.text.Hashes;

/**
 * The background indexer. Each pass claims a few PENDING documents (SKIP LOCKED plus a lease, so any
 * number of instances may sweep and a crashed instance's claims are taken over when the lease
 * expires), chunks them, embeds only chunks whose content hash has no vector yet, and replaces the
 * chunks in one transaction. Everything it needs is in the database, so a restart simply goes on.
 * Progress: the {@code baeum.rag.sweeper.backlog} gauge and {@code GET /api/v1/admin/chatbot/index}.
 */
@Component
public class IndexSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IndexSweeper.class);

    private final ChunkStore store;
    private final Embedder embedder;
    private final RagProperties.Sweeper properties;
    private final Chunker chunker;
    private final String owner = "sweeper-" + UUID.randomUUID();
    private final Counter embedded;
    private final Counter indexed;
    private final AtomicLong backlog = new AtomicLong();
    private volatile @org.jspecify.annotations.Nullable Disposable loop;

    IndexSweeper(ChunkStore store, Embedder embedder, RagProperties properties, MeterRegistry meters) {
        this.store = store;
        this.embedder = embedder;
        this.properties = properties.sweeper();
        this.chunker = new Chunker(properties.chunking().maxChars(), properties.chunking().overlapChars());
        this.embedded = meters.counter("baeum.rag.sweeper.embeddings");
        this.indexed = meters.counter("baeum.rag.sweeper.documents");
        meters.gauge("baeum.rag.sweeper.backlog", backlog);
    }

    /** This instance's claim owner (tests compare two instances). */
    public String owner() {
        return owner;
    }

    /** Chunk vectors computed so far by this instance (unchanged chunks reuse theirs). */
    public double embeddingsComputed() {
        return embedded.count();
    }

    /** One pass: claims up to a batch and indexes it; the number of documents indexed. */
    public Mono<Integer> sweepOnce() {
        return store.claim(owner, properties.batch(), properties.lease())
                .concatMap(this::index)
                .reduce(0, (n, ok) -> ok ? n + 1 : n)
                .flatMap(n -> store.backlog().doOnNext(backlog::set).thenReturn(n));
    }

    /** Passes until nothing is pending (tests, and after a burst). */
    public Mono<Integer> sweepAll() {
        return sweepOnce().expand(n -> n > 0 ? sweepOnce() : Mono.empty()).reduce(0, Integer::sum);
    }

    private Mono<Boolean> index(Claimed document) {
        List<Chunker.Piece> pieces;
        try {
            pieces = chunker.split(document.body());
        } catch (RuntimeException e) {
            return store.fail(document.id(), owner, "CHUNKING_FAILED").thenReturn(false);
        }
        List<String> texts = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<List<String>> morphemes = new ArrayList<>();
        for (Chunker.Piece piece : pieces) {
            String text = IndexText.indexed(document.title(), piece.section(), piece.content());
            texts.add(text);
            hashes.add(Hashes.sha256(text));
            morphemes.add(IndexText.morphemes(text));
        }
        return store.existingVectors(document.id(), embedder.model())
                .flatMap(existing -> {
                    List<Integer> missing = new ArrayList<>();
                    for (int i = 0; i < texts.size(); i++) {
                        if (!existing.containsKey(hashes.get(i))) {
                            missing.add(i);
                        }
                    }
                    Mono<List<float[]>> vectors = missing.isEmpty() ? Mono.just(List.of())
                            : embedder.embed(missing.stream().map(texts::get).toList());
                    return vectors.map(computed -> {
                        embedded.increment(computed.size());
                        Map<Integer, String> fresh = new java.util.HashMap<>();
                        for (int j = 0; j < missing.size(); j++) {
                            fresh.put(missing.get(j), Embedder.literal(computed.get(j)));
                        }
                        List<NewChunk> chunks = new ArrayList<>();
                        for (int i = 0; i < pieces.size(); i++) {
                            Chunker.Piece p = pieces.get(i);
                            String vector = fresh.containsKey(i) ? fresh.get(i) : existing.get(hashes.get(i));
                            chunks.add(new NewChunk(p.ordinal(), p.section(), p.page(), p.content(), hashes.get(i),
                                    IndexText.terms(morphemes.get(i)), IndexText.lexemes(morphemes.get(i)), embedder.model(), vector));
                        }
                        return chunks;
                    });
                })
                .flatMap(chunks -> store.replace(document, owner, chunks))
                .doOnNext(stored -> {
                    if (stored) {
                        indexed.increment();
                    }
                })
                .onErrorResume(e -> {
                    log.warn("indexing document {} failed, left for a later pass: {}", document.id(), e.toString());
                    return store.release(document.id(), owner).thenReturn(false);
                });
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        loop = Flux.interval(properties.interval(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> sweepAll().onErrorResume(e -> {
                    log.warn("sweeper pass failed: {}", e.toString());
                    return Mono.just(0);
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
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}

package io.baeum.rag.answer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.baeum.rag.answer.persistence.ConversationStore;
import io.baeum.rag.config.RagProperties;

/** Deletes conversations older than the retention period, periodically (idempotent on any number of instances). */
@Component
class ConversationRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConversationRetention.class);

    private final ConversationStore store;
    private final RagProperties.Conversations properties;
    private volatile @org.jspecify.annotations.Nullable Disposable loop;

    ConversationRetention(ConversationStore store, RagProperties properties) {
        this.store = store;
        this.properties = properties.conversations();
    }

    @Override
    public void start() {
        loop = Flux.interval(properties.purgeInterval())
                .concatMap(t -> store.purge(properties.retention())
                        .doOnNext(n -> {
                            if (n > 0) {
                                log.info("purged {} conversations past retention", n);
                            }
                        })
                        .onErrorResume(e -> Mono.just(0L)))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable d = loop;
        if (d != null) {
            d.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}

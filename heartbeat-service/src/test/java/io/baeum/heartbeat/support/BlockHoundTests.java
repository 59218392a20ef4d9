package io.baeum.heartbeat.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

class BlockHoundTests {

    @Test
    void blockingOnANonBlockingThreadFailsTheTest() {
        // the canary: proves the installer ran, so every other test would catch a blocking call too
        Mono<String> blocking = Mono.fromCallable(() -> {
            Thread.sleep(1);
            return "";
        }).subscribeOn(Schedulers.parallel());

        assertThatThrownBy(() -> blocking.block(Duration.ofSeconds(5)))
                .hasCauseInstanceOf(BlockingOperationError.class);
    }
}

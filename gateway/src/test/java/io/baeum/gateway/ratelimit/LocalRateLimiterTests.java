package io.baeum.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.baeum.gateway.ratelimit.LocalRateLimiter.Config;
import io.baeum.gateway.ratelimit.LocalRateLimiter.TokenBucket;

class LocalRateLimiterTests {

    private final Config twoPerSecondBurstFour = new Config().setReplenishRate(2).setBurstCapacity(4);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void aFullBucketAllowsTheBurstThenRefuses() {
        TokenBucket bucket = new TokenBucket(4, nanos.get());
        assertThat(bucket.tryTake(twoPerSecondBurstFour, nanos.get())).isEqualTo(3);
        assertThat(bucket.tryTake(twoPerSecondBurstFour, nanos.get())).isEqualTo(2);
        assertThat(bucket.tryTake(twoPerSecondBurstFour, nanos.get())).isEqualTo(1);
        assertThat(bucket.tryTake(twoPerSecondBurstFour, nanos.get())).isZero();
        assertThat(bucket.tryTake(twoPerSecondBurstFour, nanos.get())).isEqualTo(-1);
    }

    @Test
    void tokensComeBackAtTheReplenishRateUpToTheBurst() {
        TokenBucket bucket = new TokenBucket(4, nanos.get());
        for (int i = 0; i < 4; i++) {
            bucket.tryTake(twoPerSecondBurstFour, nanos.get());
        }
        assertThat(bucket.tryTake(twoPerSecondBurstFour, nanos.addAndGet(250_000_000L))).isEqualTo(-1);
        assertThat(bucket.tryTake(twoPerSecondBurstFour, nanos.addAndGet(250_000_000L))).isZero();
        // a long pause refills to the burst, never beyond
        assertThat(bucket.tryTake(twoPerSecondBurstFour, nanos.addAndGet(60_000_000_000L))).isEqualTo(3);
    }

    @Test
    void aSteadyRateAtTheLimitIsNeverRefused() {
        TokenBucket bucket = new TokenBucket(4, nanos.get());
        for (int i = 0; i < 1_000; i++) {
            assertThat(bucket.tryTake(twoPerSecondBurstFour, nanos.addAndGet(500_000_000L))).isNotNegative();
        }
    }
}

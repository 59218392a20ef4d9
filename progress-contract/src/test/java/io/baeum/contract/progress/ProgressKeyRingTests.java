package io.baeum.contract.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProgressKeyRingTests {

    @Test
    void ringFindsCurrentAndPreviousKeysAndNothingElse() {
        ProgressKeyRing ring = ProgressBatches.ringWithPrevious();

        assertThat(ring.current()).isSameAs(ProgressBatches.CURRENT_KEY);
        assertThat(ring.find("progress-2025-09")).contains(ProgressBatches.PREVIOUS_KEY);
        assertThat(ring.find("progress-2024-01")).isEmpty();
        assertThat(ring.keyIds()).containsExactly("progress-2026-03", "progress-2025-09");
    }

    @Test
    void secretsShorterThan32BytesAreRefusedWithoutEchoingThem() {
        assertThatThrownBy(() -> new ProgressKey("k1", new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32");
        assertThatThrownBy(() -> ProgressKey.fromBase64("k1", "c2VjcmV0LXZhbHVl"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("c2VjcmV0LXZhbHVl");
        assertThatThrownBy(() -> ProgressKey.fromBase64("k1", "not base64 %%% hunter2"))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain("hunter2");
    }

    @Test
    void keyIdsMustBeShortAndLogSafe() {
        for (String id : List.of("", "x".repeat(33), "has space", "new\nline", "키")) {
            assertThatThrownBy(() -> new ProgressKey(id, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new ProgressKey("a.B_c-9", new byte[32]).id()).isEqualTo("a.B_c-9");
    }

    @Test
    void duplicateKeyIdsInOneRingAreRefused() {
        ProgressKey again = new ProgressKey(ProgressBatches.CURRENT_KEY.id(), new byte[32]);

        assertThatThrownBy(() -> ProgressKeyRing.of(ProgressBatches.CURRENT_KEY, again))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void keyFromBase64SignsLikeTheSameKeyFromBytes() {
        String base64 = Base64.getEncoder().encodeToString(ProgressBatches.CURRENT_KEY.secretKey().getEncoded());
        ProgressKey configured = ProgressKey.fromBase64(ProgressBatches.CURRENT_KEY.id(), base64);
        ProgressBatchV1Codec payloadCodec = new ProgressBatchV1Codec();
        try (ProgressEnvelopeCodec fromConfig = new ProgressEnvelopeCodec(ProgressKeyRing.of(configured),
                ProgressEnvelopeLimits.defaults());
                ProgressEnvelopeCodec fromBytes = new ProgressEnvelopeCodec(ProgressKeyRing.of(ProgressBatches.CURRENT_KEY),
                        ProgressEnvelopeLimits.defaults())) {
            assertThat(fromConfig.seal(payloadCodec, ProgressBatches.golden()))
                    .isEqualTo(fromBytes.seal(payloadCodec, ProgressBatches.golden()));
        }
    }
}

package io.baeum.contract.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The golden vectors of docs/wire-format.md, read from the document itself so doc and code cannot drift. */
class ProgressEnvelopeGoldenVectorTests {

    private static final Path WIRE_FORMAT = Path.of("..", "docs", "wire-format.md");

    private final ProgressBatchV1Codec payloadCodec = new ProgressBatchV1Codec();
    private final ProgressEnvelopeCodec consumer = new ProgressEnvelopeCodec(ProgressBatches.ringWithPrevious(),
            ProgressEnvelopeLimits.defaults());
    private final ProgressEnvelopeCodec currentProducer = new ProgressEnvelopeCodec(
            ProgressKeyRing.of(ProgressBatches.CURRENT_KEY), ProgressEnvelopeLimits.defaults());
    private final ProgressEnvelopeCodec previousProducer = new ProgressEnvelopeCodec(
            ProgressKeyRing.of(ProgressBatches.PREVIOUS_KEY), ProgressEnvelopeLimits.defaults());

    @AfterEach
    void closeCodecs() {
        consumer.close();
        currentProducer.close();
        previousProducer.close();
    }

    @Test
    void payloadVectorDecodesToTheGoldenBatch() throws IOException {
        assertThat(payloadCodec.decode(1, hex("payload"))).isEqualTo(ProgressBatches.golden());
    }

    @Test
    void goldenBatchEncodesToExactlyThePayloadVector() throws IOException {
        assertThat(payloadCodec.encode(ProgressBatches.golden())).isEqualTo(hex("payload"));
    }

    @Test
    void currentKeyVectorOpensToTheGoldenBatch() throws IOException {
        OpenedEnvelope<ProgressBatch> opened = consumer.openBytes(hex("current"), payloadCodec);

        assertThat(opened.payload()).isEqualTo(ProgressBatches.golden());
        assertThat(opened.keyId()).isEqualTo("progress-2026-03");
        assertThat(opened.payloadVersion()).isEqualTo(1);
    }

    @Test
    void goldenBatchSealsToExactlyTheCurrentKeyVector() throws IOException {
        assertThat(currentProducer.sealToBytes(payloadCodec, ProgressBatches.golden())).isEqualTo(hex("current"));
    }

    @Test
    void base64VectorIsTheMessageBodyOfTheCurrentKeyVector() throws IOException {
        String body = vector("current-base64");

        assertThat(consumer.open(body, payloadCodec).payload()).isEqualTo(ProgressBatches.golden());
        assertThat(currentProducer.seal(payloadCodec, ProgressBatches.golden())).isEqualTo(body);
    }

    @Test
    void previousKeyVectorOpensToTheGoldenBatchWhileThePreviousKeyIsInTheRing() throws IOException {
        OpenedEnvelope<ProgressBatch> opened = consumer.openBytes(hex("previous"), payloadCodec);

        assertThat(opened.payload()).isEqualTo(ProgressBatches.golden());
        assertThat(opened.keyId()).isEqualTo("progress-2025-09");
    }

    @Test
    void goldenBatchSealsToExactlyThePreviousKeyVectorUnderThePreviousKey() throws IOException {
        assertThat(previousProducer.sealToBytes(payloadCodec, ProgressBatches.golden())).isEqualTo(hex("previous"));
    }

    @Test
    void previousKeyVectorIsRejectedOnceThePreviousKeyLeavesTheRing() throws IOException {
        try (ProgressEnvelopeCodec rotatedConsumer = new ProgressEnvelopeCodec(
                ProgressKeyRing.of(ProgressBatches.CURRENT_KEY), ProgressEnvelopeLimits.defaults())) {
            byte[] previous = hex("previous");
            assertThatThrownBy(() -> rotatedConsumer.openBytes(previous, payloadCodec))
                    .isInstanceOfSatisfying(ProgressEnvelopeException.class,
                            ex -> assertThat(ex.reason()).isEqualTo(EnvelopeRejectionReason.UNKNOWN_KEY));
        }
    }

    private static byte[] hex(String name) throws IOException {
        return HexFormat.of().parseHex(vector(name));
    }

    private static String vector(String name) throws IOException {
        String doc = Files.readString(WIRE_FORMAT);
        Matcher matcher = Pattern.compile("<!-- golden-vector: " + Pattern.quote(name) + " -->\\s*```\\w*\\n(.*?)```",
                Pattern.DOTALL).matcher(doc);
        assertThat(matcher.find()).as("golden vector '%s' in %s", name, WIRE_FORMAT).isTrue();
        return matcher.group(1).replaceAll("\\s", "");
    }
}

package io.baeum.contract.progress;

import static io.baeum.contract.progress.EnvelopeRejectionReason.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;

class ProgressEnvelopeCodecTests {

    private static final byte[] CURRENT_SECRET = ProgressBatches.CURRENT_KEY.secretKey().getEncoded();

    private final ProgressBatchV1Codec payloadCodec = new ProgressBatchV1Codec();
    private final ProgressEnvelopeCodec codec = new ProgressEnvelopeCodec(ProgressBatches.ringWithPrevious(),
            ProgressEnvelopeLimits.defaults());

    @AfterEach
    void closeCodec() {
        codec.close();
    }

    // ------------------------------------------------------------ round trips

    @Test
    void sealedBatchOpensToTheSameBatchWithKeyIdAndVersion() {
        String body = codec.seal(payloadCodec, ProgressBatches.golden());

        OpenedEnvelope<ProgressBatch> opened = codec.open(body, payloadCodec);

        assertThat(opened.payload()).isEqualTo(ProgressBatches.golden());
        assertThat(opened.keyId()).isEqualTo(ProgressBatches.CURRENT_KEY.id());
        assertThat(opened.payloadVersion()).isEqualTo(1);
    }

    @Test
    void manyRandomBatchesSurviveSealAndOpen() {
        Random random = new Random(20260301L);
        for (int i = 0; i < 500; i++) {
            ProgressBatch batch = ProgressBatches.random(random);
            assertThat(codec.open(codec.seal(payloadCodec, batch), payloadCodec).payload()).isEqualTo(batch);
        }
    }

    @Test
    void envelopeCarriesAnyPayloadCodecIndependentlyOfProgressBatches() {
        PayloadCodec<String> notes = new TextPayloadCodec(7, Set.of(1, 2));

        String body = codec.seal(notes, "안녕하세요 progress");

        OpenedEnvelope<String> opened = codec.open(body, notes);
        assertThat(opened.payload()).isEqualTo("안녕하세요 progress");
        assertThat(opened.payloadVersion()).isEqualTo(2);
        assertRejected(() -> codec.open(body, payloadCodec), UNSUPPORTED_PAYLOAD_TYPE);
    }

    // ------------------------------------------------------------ transport-level rejections

    @Test
    void bodyLongerThanTheCapIsRejectedBeforeDecoding() {
        try (ProgressEnvelopeCodec small = new ProgressEnvelopeCodec(ProgressBatches.ringWithPrevious(),
                new ProgressEnvelopeLimits(100, 1024))) {
            assertRejected(() -> small.open("A".repeat(101), payloadCodec), TOO_LONG);
            // not even valid base64, but length is checked first
            assertRejected(() -> small.open("!".repeat(101), payloadCodec), TOO_LONG);
        }
    }

    @Test
    void bodyThatIsNotBase64IsRejectedAsMalformed() {
        assertRejected(() -> codec.open("QkFF TQ==", payloadCodec), MALFORMED_BASE64);
        assertRejected(() -> codec.open("QkFFTQ=*", payloadCodec), MALFORMED_BASE64);
        assertRejected(() -> codec.open("QkFFT-_", payloadCodec), MALFORMED_BASE64);
        assertRejected(() -> codec.open("바움", payloadCodec), MALFORMED_BASE64);
    }

    @Test
    void everyProperPrefixOfAnEnvelopeIsRejectedAsTruncatedOrBadSignature() {
        byte[] envelope = codec.sealToBytes(payloadCodec, ProgressBatches.golden());
        int header = Envelopes.headerLength(ProgressBatches.CURRENT_KEY.id());
        for (int length = 0; length < envelope.length; length++) {
            String body = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(envelope, length));
            EnvelopeRejectionReason expected = length <= header + ProgressEnvelopeCodec.MAC_LENGTH ? TRUNCATED : BAD_SIGNATURE;
            assertRejected(() -> codec.open(body, payloadCodec), expected);
        }
    }

    @Test
    void everySingleBitFlipIsRejectedAndNeverDecodes() {
        byte[] envelope = codec.sealToBytes(payloadCodec, ProgressBatches.golden());
        int keyIdEnd = 6 + ProgressBatches.CURRENT_KEY.id().length();
        for (int bit = 0; bit < envelope.length * 8; bit++) {
            byte[] flipped = envelope.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            int offset = bit / 8;
            Set<EnvelopeRejectionReason> allowed;
            if (offset < 4) {
                allowed = EnumSet.of(BAD_MAGIC);
            }
            else if (offset == 4) {
                allowed = EnumSet.of(UNSUPPORTED_ENVELOPE_VERSION);
            }
            else if (offset < keyIdEnd) {
                // a different key id length or character: structure, unknown key, or a MAC over shifted bytes
                allowed = EnumSet.of(MALFORMED_HEADER, UNKNOWN_KEY, TRUNCATED, BAD_SIGNATURE);
            }
            else {
                allowed = EnumSet.of(BAD_SIGNATURE);
            }
            assertThatThrownBy(() -> codec.openBytes(flipped, payloadCodec))
                    .as("bit %d", bit)
                    .isInstanceOfSatisfying(ProgressEnvelopeException.class,
                            ex -> assertThat(ex.reason()).isIn(allowed));
        }
    }

    @Test
    void bytesWithoutTheMagicAreRejectedAsBadMagic() {
        byte[] envelope = codec.sealToBytes(payloadCodec, ProgressBatches.golden());
        envelope[0] = '{';
        assertRejected(() -> codec.openBytes(envelope, payloadCodec), BAD_MAGIC);
        assertRejected(() -> codec.open(Base64.getEncoder().encodeToString("{\"id\":1}".getBytes(StandardCharsets.UTF_8)),
                payloadCodec), BAD_MAGIC);
    }

    @Test
    void unknownEnvelopeVersionIsRejectedEvenWithAValidMac() {
        byte[] envelope = Envelopes.build(2, ProgressBatches.CURRENT_KEY.id(), 1, 1, 521,
                Zstd.compress(payloadCodec.encode(ProgressBatches.golden()), 3), CURRENT_SECRET);

        assertRejected(() -> codec.openBytes(envelope, payloadCodec), UNSUPPORTED_ENVELOPE_VERSION);
    }

    @Test
    void keyIdThatIsEmptyTooLongOrOddCharactersIsAMalformedHeader() {
        byte[] compressed = Zstd.compress(new byte[] {1}, 3);
        assertRejected(() -> codec.openBytes(Envelopes.build(1, "", 1, 1, 1, compressed, CURRENT_SECRET), payloadCodec),
                MALFORMED_HEADER);
        assertRejected(() -> codec.openBytes(Envelopes.build(1, "k".repeat(33), 1, 1, 1, compressed, CURRENT_SECRET),
                payloadCodec), MALFORMED_HEADER);
        assertRejected(() -> codec.openBytes(Envelopes.build(1, "key\nid", 1, 1, 1, compressed, CURRENT_SECRET),
                payloadCodec), MALFORMED_HEADER);
    }

    @Test
    void keyIdOutsideTheRingIsRejectedAsUnknownKey() {
        ProgressKey stranger = new ProgressKey("progress-2024-01", new byte[32]);
        try (ProgressEnvelopeCodec producer = new ProgressEnvelopeCodec(ProgressKeyRing.of(stranger),
                ProgressEnvelopeLimits.defaults())) {
            String body = producer.seal(payloadCodec, ProgressBatches.golden());

            assertRejected(() -> codec.open(body, payloadCodec), UNKNOWN_KEY);
        }
    }

    @Test
    void knownKeyIdSignedWithAnotherSecretIsRejectedAsBadSignature() {
        ProgressKey impostor = new ProgressKey(ProgressBatches.CURRENT_KEY.id(), new byte[32]);
        try (ProgressEnvelopeCodec producer = new ProgressEnvelopeCodec(ProgressKeyRing.of(impostor),
                ProgressEnvelopeLimits.defaults())) {
            String body = producer.seal(payloadCodec, ProgressBatches.golden());

            assertRejected(() -> codec.open(body, payloadCodec), BAD_SIGNATURE);
        }
    }

    // ------------------------------------------------------------ authenticated but unacceptable

    @Test
    void unknownPayloadTypeWithAValidMacIsRejected() {
        byte[] payload = payloadCodec.encode(ProgressBatches.golden());
        byte[] envelope = Envelopes.build(1, ProgressBatches.CURRENT_KEY.id(), 9, 1, payload.length,
                Zstd.compress(payload, 3), CURRENT_SECRET);

        assertRejected(() -> codec.openBytes(envelope, payloadCodec), UNSUPPORTED_PAYLOAD_TYPE);
    }

    @Test
    void unknownPayloadVersionWithAValidMacIsRejected() {
        byte[] payload = payloadCodec.encode(ProgressBatches.golden());
        byte[] envelope = Envelopes.build(1, ProgressBatches.CURRENT_KEY.id(), 1, 2, payload.length,
                Zstd.compress(payload, 3), CURRENT_SECRET);

        assertRejected(() -> codec.openBytes(envelope, payloadCodec), UNSUPPORTED_PAYLOAD_VERSION);
    }

    @Test
    void declaredLengthAboveTheCapIsRejectedBeforeDecompressing() {
        byte[] payload = payloadCodec.encode(ProgressBatches.golden());
        byte[] envelope = Envelopes.progress(payload, ProgressEnvelopeLimits.DEFAULT_MAX_DECOMPRESSED_BYTES + 1L,
                ProgressBatches.CURRENT_KEY, CURRENT_SECRET);
        byte[] maxUnsigned = Envelopes.progress(payload, 0xFFFF_FFFFL, ProgressBatches.CURRENT_KEY, CURRENT_SECRET);

        assertRejected(() -> codec.openBytes(envelope, payloadCodec), DECLARED_SIZE_TOO_LARGE);
        assertRejected(() -> codec.openBytes(maxUnsigned, payloadCodec), DECLARED_SIZE_TOO_LARGE);
    }

    @Test
    void validlySignedZstdBombIsRejectedFromItsFrameHeader() {
        byte[] bomb = Zstd.compress(new byte[10_000_000], 3); // a few hundred bytes that expand to 10 MB
        assertThat(bomb.length).isLessThan(1_000);
        byte[] envelope = Envelopes.build(1, ProgressBatches.CURRENT_KEY.id(), 1, 1, 100, bomb, CURRENT_SECRET);

        assertRejected(() -> codec.openBytes(envelope, payloadCodec), DECOMPRESSED_TOO_LARGE);
    }

    @Test
    void frameHeaderAnnouncingATebibyteIsRejectedWithoutAllocatingIt() {
        // zstd frame header: magic, descriptor 0xE0 (single segment, 8-byte content size), content size 2^40,
        // then one raw last block of 1 byte: decompressing it would be corrupt, but the cap check comes first.
        byte[] frame = HexFormat.of().parseHex("28b52ffd" + "e0" + "0000000000010000" + "090000" + "00");
        byte[] envelope = Envelopes.build(1, ProgressBatches.CURRENT_KEY.id(), 1, 1, 100, frame, CURRENT_SECRET);

        assertRejected(() -> codec.openBytes(envelope, payloadCodec), DECOMPRESSED_TOO_LARGE);
    }

    @Test
    void declaredLengthThatDisagreesWithTheFrameIsALengthMismatch() {
        byte[] payload = payloadCodec.encode(ProgressBatches.golden());
        byte[] shorter = Envelopes.progress(payload, payload.length - 1, ProgressBatches.CURRENT_KEY, CURRENT_SECRET);
        byte[] longer = Envelopes.progress(payload, payload.length + 1, ProgressBatches.CURRENT_KEY, CURRENT_SECRET);

        assertRejected(() -> codec.openBytes(shorter, payloadCodec), LENGTH_MISMATCH);
        assertRejected(() -> codec.openBytes(longer, payloadCodec), LENGTH_MISMATCH);
    }

    @Test
    void signedBytesThatAreNotOneCompleteZstdFrameAreCorruptCompression() {
        byte[] payload = payloadCodec.encode(ProgressBatches.golden());
        byte[] frame = Zstd.compress(payload, 3);
        byte[] corruptBlock = frame.clone();
        for (int i = 12; i < corruptBlock.length; i++) {
            corruptBlock[i] ^= 0x5A;
        }
        byte[] withoutContentSize;
        try (ZstdCompressCtx streaming = new ZstdCompressCtx().setLevel(3).setContentSize(false)) {
            withoutContentSize = streaming.compress(payload);
        }
        List<byte[]> frames = List.of(
                payload,                                   // not compressed at all
                java.util.Arrays.copyOf(frame, frame.length - 3), // frame cut short
                Envelopes.concat(frame, frame),            // a second frame behind the first
                Envelopes.concat(frame, new byte[] {0}),   // trailing garbage
                corruptBlock,                              // block data damaged
                withoutContentSize);                       // a frame that does not say how big it is
        for (byte[] compressed : frames) {
            byte[] envelope = Envelopes.build(1, ProgressBatches.CURRENT_KEY.id(), 1, 1, payload.length, compressed,
                    CURRENT_SECRET);
            assertRejected(() -> codec.openBytes(envelope, payloadCodec), CORRUPT_COMPRESSION);
        }
    }

    @Test
    void signedAndDecompressiblePayloadThatIsNotAProgressBatchIsUndecodable() {
        byte[] garbage = "this is not protobuf at all \u0000\u00ff".getBytes(StandardCharsets.UTF_8);
        byte[] envelope = Envelopes.progress(garbage, garbage.length, ProgressBatches.CURRENT_KEY, CURRENT_SECRET);

        assertRejected(() -> codec.openBytes(envelope, payloadCodec), UNDECODABLE_PAYLOAD);
    }

    @Test
    void rejectionMessagesNeverContainKeyMaterialOrPayloadValues() {
        List<ProgressEnvelopeException> rejections = new ArrayList<>();
        byte[] envelope = codec.sealToBytes(payloadCodec, ProgressBatches.golden());
        for (int bit = 0; bit < envelope.length * 8; bit += 7) {
            byte[] flipped = envelope.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            rejections.add(catchRejection(() -> codec.openBytes(flipped, payloadCodec)));
        }
        byte[] garbage = "203.0.113.7".getBytes(StandardCharsets.UTF_8);
        rejections.add(catchRejection(() -> codec.openBytes(
                Envelopes.progress(garbage, garbage.length, ProgressBatches.CURRENT_KEY, CURRENT_SECRET), payloadCodec)));
        rejections.add(catchRejection(() -> codec.open("QkFFTQ=*secret", payloadCodec)));

        for (ProgressEnvelopeException rejection : rejections) {
            String message = rejection.getMessage();
            for (ProgressKey key : List.of(ProgressBatches.CURRENT_KEY, ProgressBatches.PREVIOUS_KEY)) {
                byte[] secret = key.secretKey().getEncoded();
                assertThat(message).doesNotContain(HexFormat.of().formatHex(secret))
                        .doesNotContain(Base64.getEncoder().encodeToString(secret));
            }
            assertThat(message).doesNotContain("203.0.113.7").doesNotContain("secret");
        }
        assertThat(ProgressBatches.ringWithPrevious().toString()).doesNotContain("000102");
        assertThat(ProgressBatches.CURRENT_KEY.toString()).contains("redacted").doesNotContain("000102");
    }

    // ------------------------------------------------------------ producer-side limits

    @Test
    void producerRefusesAPayloadTheConsumerWouldRejectAsTooLarge() {
        try (ProgressEnvelopeCodec small = new ProgressEnvelopeCodec(ProgressBatches.ringWithPrevious(),
                new ProgressEnvelopeLimits(100_000, 300))) {
            assertThatThrownBy(() -> small.seal(payloadCodec, ProgressBatches.golden()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("split");
        }
        try (ProgressEnvelopeCodec tight = new ProgressEnvelopeCodec(ProgressBatches.ringWithPrevious(),
                new ProgressEnvelopeLimits(200, 100_000))) {
            assertThatThrownBy(() -> tight.seal(payloadCodec, ProgressBatches.golden()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("split");
        }
    }

    // ------------------------------------------------------------ key rotation

    @Test
    void consumerWithNewAndOldKeysAcceptsMessagesFromRotatedAndNotYetRotatedProducers() {
        ProgressKey oldKey = ProgressBatches.PREVIOUS_KEY;
        ProgressKey newKey = ProgressBatches.CURRENT_KEY;
        try (ProgressEnvelopeCodec notYetRotated = new ProgressEnvelopeCodec(ProgressKeyRing.of(oldKey),
                ProgressEnvelopeLimits.defaults());
                ProgressEnvelopeCodec rotated = new ProgressEnvelopeCodec(ProgressKeyRing.of(newKey, oldKey),
                        ProgressEnvelopeLimits.defaults());
                ProgressEnvelopeCodec consumer = new ProgressEnvelopeCodec(ProgressKeyRing.of(newKey, oldKey),
                        ProgressEnvelopeLimits.defaults());
                ProgressEnvelopeCodec consumerWithoutOld = new ProgressEnvelopeCodec(ProgressKeyRing.of(newKey),
                        ProgressEnvelopeLimits.defaults())) {
            ProgressBatch batch = ProgressBatches.golden();
            String oldMessage = notYetRotated.seal(payloadCodec, batch);
            String newMessage = rotated.seal(payloadCodec, batch);

            assertThat(consumer.open(oldMessage, payloadCodec).keyId()).isEqualTo(oldKey.id());
            assertThat(consumer.open(newMessage, payloadCodec).keyId()).isEqualTo(newKey.id());
            assertThat(consumer.open(oldMessage, payloadCodec).payload()).isEqualTo(batch);
            assertThat(consumerWithoutOld.open(newMessage, payloadCodec).payload()).isEqualTo(batch);
            assertRejected(() -> consumerWithoutOld.open(oldMessage, payloadCodec), UNKNOWN_KEY);
        }
    }

    // ------------------------------------------------------------ concurrency

    @Test
    void concurrentSealsAndOpensOnOneCodecGiveTheSameResultsAsSequentialOnes() throws Exception {
        int threads = 8;
        int perThread = 150;
        List<ProgressBatch> batches = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < threads * perThread; i++) {
            batches.add(ProgressBatches.random(random));
        }
        List<String> expected;
        try (ProgressEnvelopeCodec sequential = new ProgressEnvelopeCodec(ProgressBatches.ringWithPrevious(),
                ProgressEnvelopeLimits.defaults())) {
            expected = batches.stream().map(batch -> sequential.seal(payloadCodec, batch)).toList();
        }

        try (ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t * perThread;
                Callable<Integer> work = () -> {
                    for (int i = first; i < first + perThread; i++) {
                        String body = codec.seal(payloadCodec, batches.get(i));
                        assertThat(body).isEqualTo(expected.get(i));
                        // open someone else's message too, so contexts see interleaved data
                        int other = (i * 7 + 3) % batches.size();
                        assertThat(codec.open(expected.get(other), payloadCodec).payload()).isEqualTo(batches.get(other));
                        assertThat(codec.open(body, payloadCodec).payload()).isEqualTo(batches.get(i));
                    }
                    return perThread;
                };
                results.add(executor.submit(work));
            }
            int done = 0;
            for (Future<Integer> result : results) {
                done += result.get();
            }
            assertThat(done).isEqualTo(threads * perThread);
        }
    }

    @Test
    void closedCodecRefusesFurtherWork() {
        codec.close();

        assertThatThrownBy(() -> codec.seal(payloadCodec, ProgressBatches.golden()))
                .isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------ helpers

    static void assertRejected(Runnable open, EnvelopeRejectionReason reason) {
        assertThat(catchRejection(open).reason()).isEqualTo(reason);
    }

    static ProgressEnvelopeException catchRejection(Runnable open) {
        try {
            open.run();
        }
        catch (ProgressEnvelopeException ex) {
            return ex;
        }
        throw new AssertionError("expected a ProgressEnvelopeException, but the envelope opened");
    }

    /** A payload unrelated to progress, to show the envelope does not care what it carries. */
    private record TextPayloadCodec(int payloadType, Set<Integer> supportedVersions) implements PayloadCodec<String> {

        @Override
        public int currentVersion() {
            return 2;
        }

        @Override
        public byte[] encode(String payload) {
            return payload.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String decode(int version, byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}

package io.baeum.contract.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import com.google.protobuf.CodedOutputStream;

class ProgressBatchV1CodecTests {

    private final ProgressBatchV1Codec codec = new ProgressBatchV1Codec();

    @Test
    void batchWithOneEventOfEveryKindRoundTrips() {
        ProgressBatch batch = ProgressBatches.golden();

        assertThat(codec.decode(1, codec.encode(batch))).isEqualTo(batch);
    }

    @Test
    void manyRandomBatchesRoundTripAndEncodedSizeIsExact() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            ProgressBatch batch = ProgressBatches.random(random);
            byte[] bytes = codec.encode(batch);
            assertThat(bytes).hasSize(codec.encodedSize(batch));
            assertThat(codec.decode(1, bytes)).isEqualTo(batch);
        }
    }

    @Test
    void unknownFieldsAreSkippedAtEveryLevel() {
        byte[] withUnknowns = batch(b -> b.varint(99, 1).string(98, "future"),
                e -> e.fixed64(77, 5).string(78, "later"),
                k -> k.varint(50, 12).bytes(51, new byte[] {1, 2}));

        ProgressBatch batch = codec.decode(1, withUnknowns);

        assertThat(batch.events()).hasSize(1);
        assertThat(batch.events().getFirst().kind())
                .isEqualTo(new ProgressEventKind.WatchCredited(10, 20, 10_000, 20));
    }

    @Test
    void handWrittenBatchMatchesTheCodecsOwnEncoding() {
        ProgressBatch decoded = codec.decode(1, batch(b -> b, e -> e, k -> k));

        assertThat(codec.encode(decoded)).isEqualTo(batch(b -> b, e -> e, k -> k));
    }

    @Test
    void missingRequiredFieldsAreRejected() {
        assertUndecodable(batchWithout(1, -1, -1), "producer_id");
        assertUndecodable(batchWithout(2, -1, -1), "created_at_epoch_ms");
        assertUndecodable(batchWithout(3, -1, -1), "batch_id");
        for (int field = 1; field <= 6; field++) {
            assertUndecodable(batchWithout(-1, field, -1), "ProgressEvent");
        }
        assertUndecodable(batchWithout(-1, 10, -1), "ProgressEvent.kind");
        for (int field = 1; field <= 4; field++) {
            assertUndecodable(batchWithout(-1, -1, field), "WatchCredited");
        }
    }

    @Test
    void outOfRangeValuesAreRejected() {
        // to < from, and the empty interval to == from
        assertUndecodable(batch(b -> b, e -> e, k -> watch(20, 10, 1, 0)), "toSecond");
        assertUndecodable(batch(b -> b, e -> e, k -> watch(10, 10, 1, 0)), "toSecond");
        // a uint32 above 2^31-1 would be a negative Java int
        assertUndecodable(batch(b -> b, e -> e, k -> watch(0xFFFF_FFFFL, 10, 1, 0)), "from_second");
        // negative int64 (ten-byte varint)
        assertUndecodable(batch(b -> b, e -> e, k -> watch(0, 10, -1, 0)), "credited_millis");
        assertUndecodable(batch(b -> b.varint(2, -5), e -> e, k -> k), "created_at");
        // identifiers longer than allowed
        assertUndecodable(batch(b -> b, e -> e.string(3, "a".repeat(129)), k -> k), "accountId");
    }

    @Test
    void malformedFieldsAreRejected() {
        // a UUID that is not 16 bytes
        assertUndecodable(batch(b -> b.bytes(3, new byte[15]), e -> e, k -> k), "batch_id");
        // a string field sent as a varint
        assertUndecodable(batch(b -> b.varint(1, 3), e -> e, k -> k), "wire type");
        // invalid UTF-8
        assertUndecodable(batch(b -> b.bytes(1, new byte[] {(byte) 0xC3, (byte) 0x28}), e -> e, k -> k), "protobuf");
        // an event cut short
        byte[] whole = batch(b -> b, e -> e, k -> k);
        assertUndecodable(java.util.Arrays.copyOf(whole, whole.length - 3), "protobuf");
    }

    @Test
    void eventWithTwoKindsIsRejected() {
        assertUndecodable(batch(b -> b, e -> e.message(14, new Proto().string(1, "ENDED").varint(2, 5)), k -> k),
                "more than one kind");
    }

    @Test
    void aSingularFieldWrittenTwiceIsRejectedEvenWhenBothValuesAreValid() {
        // protobuf would keep the last value; the contract allows each field once
        assertUndecodable(batch(b -> b.string(1, "heartbeat-2"), e -> e, k -> k), "repeats a field");
        assertUndecodable(batch(b -> b, e -> e.string(3, "acc-2"), k -> k), "repeats a field");
    }

    @Test
    void aUint32SentWithMoreThanThirtyTwoBitsIsRejectedNotTruncated() {
        // 2^32 + 10 would read as 10 in protobuf's uint32
        assertUndecodable(batch(b -> b, e -> e, k -> watch(0x1_0000_000AL, 20, 1, 0)), "canonical");
    }

    @Test
    void unknownEnumValuesAndOversizedFingerprintsAreRejected() {
        Proto challenge = new Proto().string(1, "chl").varint(2, 9).varint(3, 1);
        assertUndecodable(eventOfKind(12, challenge), "kind has an unknown value");
        Proto unspecified = new Proto().string(1, "chl").varint(2, 1).varint(3, 0);
        assertUndecodable(eventOfKind(12, unspecified), "outcome has an unknown value");
        Proto bigFingerprint = new Proto().string(1, "203.0.113.7").bytes(2, new byte[65]);
        assertUndecodable(eventOfKind(13, bigFingerprint), "deviceFingerprintHash");
    }

    @Test
    void onlyVersionOneIsSupported() {
        assertThat(codec.supportedVersions()).isEqualTo(Set.of(1));
        assertThat(codec.payloadType()).isEqualTo(1);
        assertThatThrownBy(() -> codec.decode(2, codec.encode(ProgressBatches.golden())))
                .isInstanceOf(PayloadDecodingException.class);
    }

    // ------------------------------------------------------------ hand-written protobuf

    private void assertUndecodable(byte[] payload, String messagePart) {
        assertThatThrownBy(() -> codec.decode(1, payload))
                .isInstanceOf(PayloadDecodingException.class)
                .hasMessageContaining(messagePart);
    }

    private static Proto watch(long from, long to, long credited, long position) {
        return new Proto().varint(1, from).varint(2, to).varint(3, credited).varint(4, position);
    }

    /** A valid one-event batch written field by field, with hooks to append to each level. */
    private static byte[] batch(UnaryOperator<Proto> batchTweak, UnaryOperator<Proto> eventTweak,
            UnaryOperator<Proto> kindTweak) {
        Proto kind = kindTweak.apply(watch(10, 20, 10_000, 20));
        Proto event = eventTweak.apply(event(-1).message(10, kind));
        return batchTweak.apply(header(-1).message(4, event)).toByteArray();
    }

    private static byte[] eventOfKind(int kindField, Proto kind) {
        return header(-1).message(4, event(-1).message(kindField, kind)).toByteArray();
    }

    /** Omits one field: a batch field, an event field (10 = the kind) or a WatchCredited field; -1 omits none. */
    private static byte[] batchWithout(int batchField, int eventField, int kindField) {
        Proto kind = new Proto();
        long[] values = {10, 20, 10_000, 20};
        for (int field = 1; field <= 4; field++) {
            if (field != kindField) {
                kind.varint(field, values[field - 1]);
            }
        }
        Proto event = event(eventField);
        if (eventField != 10) {
            event.message(10, kind);
        }
        return header(batchField).message(4, event).toByteArray();
    }

    private static Proto header(int omit) {
        Proto batch = new Proto();
        if (omit != 1) {
            batch.string(1, "heartbeat-1");
        }
        if (omit != 2) {
            batch.varint(2, 1_767_225_600_000L);
        }
        if (omit != 3) {
            batch.bytes(3, new byte[16]);
        }
        return batch;
    }

    private static Proto event(int omit) {
        Proto event = new Proto();
        if (omit != 1) {
            event.bytes(1, new byte[] {0, 0, 0, 0, 0, 0, 0x40, 0, (byte) 0x80, 0, 0, 0, 0, 0, 0, 1});
        }
        if (omit != 2) {
            event.varint(2, 1_767_225_600_000L);
        }
        String[] ids = {"acc-1", "enr-1", "lsn-1", "pbs-1"};
        for (int field = 3; field <= 6; field++) {
            if (omit != field) {
                event.string(field, ids[field - 3]);
            }
        }
        return event;
    }

    /** A tiny protobuf writer for crafting payloads that the codec itself would never produce. */
    private static final class Proto {

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

        Proto varint(int field, long value) {
            return write(() -> out.writeUInt64(field, value));
        }

        Proto fixed64(int field, long value) {
            return write(() -> out.writeFixed64(field, value));
        }

        Proto string(int field, String value) {
            return write(() -> out.writeString(field, value));
        }

        Proto bytes(int field, byte[] value) {
            return write(() -> out.writeByteArray(field, value));
        }

        Proto message(int field, Proto nested) {
            return bytes(field, nested.toByteArray());
        }

        byte[] toByteArray() {
            write(out::flush);
            return bytes.toByteArray();
        }

        private Proto write(IoAction action) {
            try {
                action.run();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            return this;
        }

        private interface IoAction {
            void run() throws IOException;
        }
    }
}

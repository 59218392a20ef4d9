package io.baeum.contract.progress;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.UnsafeByteOperations;

import io.baeum.contract.progress.ProgressEventKind.ChallengeKind;
import io.baeum.contract.progress.ProgressEventKind.ChallengeOutcome;
import io.baeum.contract.progress.ProgressEventKind.ChallengeResolved;
import io.baeum.contract.progress.ProgressEventKind.CreditRefused;
import io.baeum.contract.progress.ProgressEventKind.SessionEnded;
import io.baeum.contract.progress.ProgressEventKind.SessionStarted;
import io.baeum.contract.progress.ProgressEventKind.WatchCredited;
import io.baeum.contract.progress.wire.ProgressV1;

/**
 * {@link ProgressBatch} as payload type 1, schema version 1. The schema is
 * {@code src/main/proto/progress/v1.proto}; protoc generates {@link ProgressV1} from it at build time,
 * and this class only maps between the generated messages and the contract's records, and enforces
 * what protobuf does not express (docs/wire-format.md, "Payload"):
 *
 * <ul>
 *   <li>required fields: every field is proto3 {@code optional} (explicit presence), the encoder sets all
 *       of them, zero values included, and the decoder rejects a missing one;</li>
 *   <li>exactly one {@code kind} per event and each field once: protobuf keeps the last of a repeated
 *       singular field, so a payload whose re-encoded size differs from its own is rejected (that also
 *       refuses a {@code uint32} sent with more than 32 bits, which protobuf would truncate);</li>
 *   <li>a known field with the wrong wire type (protobuf files it as unknown) is rejected; unknown fields
 *       are skipped, so fields added within v1 are ignored by older consumers;</li>
 *   <li>ranges and lengths: the records' own validation.</li>
 * </ul>
 *
 * <p>The generated encoder writes fields in field-number order, so the bytes are those of the golden
 * vectors. Stateless and thread-safe.
 */
public final class ProgressBatchV1Codec implements PayloadCodec<ProgressBatch> {

    /** Payload type byte of progress batches. */
    public static final int PAYLOAD_TYPE = 1;

    /** The schema version this codec reads and writes. */
    public static final int VERSION = 1;

    private static final int UUID_BYTES = 16;
    private static final ByteString SOME_UUID = UnsafeByteOperations.unsafeWrap(new byte[UUID_BYTES]);

    @Override
    public int payloadType() {
        return PAYLOAD_TYPE;
    }

    @Override
    public int currentVersion() {
        return VERSION;
    }

    @Override
    public Set<Integer> supportedVersions() {
        return Set.of(VERSION);
    }

    // ---------------------------------------------------------------- encoding

    @Override
    public byte[] encode(ProgressBatch batch) {
        return toMessage(batch).toByteArray();
    }

    /**
     * @param batch a batch
     * @return the exact number of bytes {@link #encode} produces for it
     */
    public int encodedSize(ProgressBatch batch) {
        return toMessage(batch).getSerializedSize();
    }

    /** Bytes of a batch with no events. */
    static int batchHeaderSize(String producerId, long createdAtEpochMs) {
        return ProgressV1.ProgressBatch.newBuilder()
                .setProducerId(producerId)
                .setCreatedAtEpochMs(createdAtEpochMs)
                .setBatchId(SOME_UUID)
                .build()
                .getSerializedSize();
    }

    /** Bytes one event adds to a batch: tag, length and body. */
    static int eventFieldSize(ProgressEvent event) {
        return CodedOutputStream.computeMessageSize(ProgressV1.ProgressBatch.EVENTS_FIELD_NUMBER, toMessage(event));
    }

    private static ProgressV1.ProgressBatch toMessage(ProgressBatch batch) {
        ProgressV1.ProgressBatch.Builder message = ProgressV1.ProgressBatch.newBuilder()
                .setProducerId(batch.producerId())
                .setCreatedAtEpochMs(batch.createdAtEpochMs())
                .setBatchId(bytes(batch.batchId()));
        Builders builders = new Builders();
        for (ProgressEvent event : batch.events()) {
            message.addEvents(builders.event(event));
        }
        return message.build();
    }

    private static ProgressV1.ProgressEvent toMessage(ProgressEvent event) {
        return new Builders().event(event);
    }

    /** One set of builders reused for every event of a batch (cleared after each build). */
    private static final class Builders {
        private final ProgressV1.ProgressEvent.Builder event = ProgressV1.ProgressEvent.newBuilder();
        private final ProgressV1.WatchCredited.Builder watchCredited = ProgressV1.WatchCredited.newBuilder();
        private final ProgressV1.CreditRefused.Builder creditRefused = ProgressV1.CreditRefused.newBuilder();

        ProgressV1.ProgressEvent event(ProgressEvent source) {
            event.clear()
                    .setEventId(bytes(source.eventId()))
                    .setOccurredAtEpochMs(source.occurredAtEpochMs())
                    .setAccountId(source.accountId())
                    .setEnrollmentId(source.enrollmentId())
                    .setLessonId(source.lessonId())
                    .setPlaybackSessionId(source.playbackSessionId());
            switch (source.kind()) {
                case WatchCredited w -> event.setWatchCredited(watchCredited.clear()
                        .setFromSecond(w.fromSecond())
                        .setToSecond(w.toSecond())
                        .setCreditedMillis(w.creditedMillis())
                        .setPositionSecond(w.positionSecond())
                        .build());
                case CreditRefused c -> event.setCreditRefused(creditRefused.clear()
                        .setReason(c.reasonCode())
                        .setPositionSecond(c.positionSecond())
                        .setRefusedMillis(c.refusedMillis())
                        .build());
                case ChallengeResolved c -> event.setChallengeResolved(ProgressV1.ChallengeResolved.newBuilder()
                        .setChallengeId(c.challengeId())
                        .setKindValue(c.kind().wireNumber())
                        .setOutcomeValue(c.outcome().wireNumber()));
                case SessionStarted s -> {
                    ProgressV1.SessionStarted.Builder started = ProgressV1.SessionStarted.newBuilder()
                            .setClientIp(s.clientIp())
                            // the record never hands out its array; the message is encoded before the record can change
                            .setDeviceFingerprintHash(UnsafeByteOperations.unsafeWrap(s.fingerprintHashUnsafe()));
                    if (s.userAgent() != null) {
                        started.setUserAgent(s.userAgent());
                    }
                    event.setSessionStarted(started);
                }
                case SessionEnded s -> event.setSessionEnded(ProgressV1.SessionEnded.newBuilder()
                        .setReason(s.reason())
                        .setPositionSecond(s.positionSecond()));
            }
            return event.build();
        }
    }

    /** RFC 9562 byte order: most significant byte first. */
    private static ByteString bytes(UUID uuid) {
        byte[] bytes = new byte[UUID_BYTES];
        long most = uuid.getMostSignificantBits();
        long least = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (most >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (least >>> (56 - 8 * i));
        }
        return UnsafeByteOperations.unsafeWrap(bytes);
    }

    // ---------------------------------------------------------------- decoding

    @Override
    public ProgressBatch decode(int version, byte[] bytes) {
        if (version != VERSION) {
            throw new PayloadDecodingException("progress batch version " + version + " is not supported");
        }
        ProgressV1.ProgressBatch message;
        try {
            // aliasing: bytes fields (the UUIDs) are views of the payload array, which this call owns
            CodedInputStream input = CodedInputStream.newInstance(bytes);
            input.enableAliasing(true);
            message = ProgressV1.ProgressBatch.parseFrom(input);
        }
        catch (IOException ex) {
            // InvalidProtocolBufferException: truncated, malformed, invalid UTF-8 (a byte array has no other I/O)
            throw new PayloadDecodingException("progress batch is not valid protobuf", ex);
        }
        ProgressBatch batch;
        try {
            batch = fromMessage(message);
        }
        catch (IllegalArgumentException ex) {
            // the records' own validation; their messages name fields, never values
            throw new PayloadDecodingException("progress batch has an out-of-range value: " + ex.getMessage(), ex);
        }
        // checked after the values, so a repeated field's last value is reported when it is itself invalid
        if (message.getSerializedSize() != bytes.length) {
            throw new PayloadDecodingException("progress batch repeats a field (e.g. an event with more than one kind)"
                    + " or is not in canonical protobuf encoding");
        }
        return batch;
    }

    private static ProgressBatch fromMessage(ProgressV1.ProgressBatch message) {
        requireWellTyped(message);
        require(message.hasProducerId(), "ProgressBatch.producer_id");
        require(message.hasCreatedAtEpochMs(), "ProgressBatch.created_at_epoch_ms");
        require(message.hasBatchId(), "ProgressBatch.batch_id");
        List<ProgressEvent> events = new ArrayList<>(message.getEventsCount());
        for (ProgressV1.ProgressEvent event : message.getEventsList()) {
            events.add(fromMessage(event));
        }
        return new ProgressBatch(message.getProducerId(),
                nonNegative(message.getCreatedAtEpochMs(), "ProgressBatch.created_at_epoch_ms"),
                uuid(message.getBatchId(), "ProgressBatch.batch_id"), events);
    }

    private static ProgressEvent fromMessage(ProgressV1.ProgressEvent message) {
        requireWellTyped(message);
        require(message.hasEventId(), "ProgressEvent.event_id");
        require(message.hasOccurredAtEpochMs(), "ProgressEvent.occurred_at_epoch_ms");
        require(message.hasAccountId(), "ProgressEvent.account_id");
        require(message.hasEnrollmentId(), "ProgressEvent.enrollment_id");
        require(message.hasLessonId(), "ProgressEvent.lesson_id");
        require(message.hasPlaybackSessionId(), "ProgressEvent.playback_session_id");
        ProgressEventKind kind = switch (message.getKindCase()) {
            case WATCH_CREDITED -> fromMessage(message.getWatchCredited());
            case CREDIT_REFUSED -> fromMessage(message.getCreditRefused());
            case CHALLENGE_RESOLVED -> fromMessage(message.getChallengeResolved());
            case SESSION_STARTED -> fromMessage(message.getSessionStarted());
            case SESSION_ENDED -> fromMessage(message.getSessionEnded());
            case KIND_NOT_SET -> throw new PayloadDecodingException("ProgressEvent.kind is missing");
        };
        return new ProgressEvent(uuid(message.getEventId(), "ProgressEvent.event_id"),
                nonNegative(message.getOccurredAtEpochMs(), "ProgressEvent.occurred_at_epoch_ms"),
                message.getAccountId(), message.getEnrollmentId(), message.getLessonId(),
                message.getPlaybackSessionId(), kind);
    }

    private static WatchCredited fromMessage(ProgressV1.WatchCredited message) {
        requireWellTyped(message);
        require(message.hasFromSecond(), "WatchCredited.from_second");
        require(message.hasToSecond(), "WatchCredited.to_second");
        require(message.hasCreditedMillis(), "WatchCredited.credited_millis");
        require(message.hasPositionSecond(), "WatchCredited.position_second");
        return new WatchCredited(uint32(message.getFromSecond(), "WatchCredited.from_second"),
                uint32(message.getToSecond(), "WatchCredited.to_second"),
                nonNegative(message.getCreditedMillis(), "WatchCredited.credited_millis"),
                uint32(message.getPositionSecond(), "WatchCredited.position_second"));
    }

    private static CreditRefused fromMessage(ProgressV1.CreditRefused message) {
        requireWellTyped(message);
        require(message.hasReason(), "CreditRefused.reason");
        require(message.hasPositionSecond(), "CreditRefused.position_second");
        require(message.hasRefusedMillis(), "CreditRefused.refused_millis");
        return new CreditRefused(message.getReason(),
                uint32(message.getPositionSecond(), "CreditRefused.position_second"),
                nonNegative(message.getRefusedMillis(), "CreditRefused.refused_millis"));
    }

    private static ChallengeResolved fromMessage(ProgressV1.ChallengeResolved message) {
        requireWellTyped(message);
        require(message.hasChallengeId(), "ChallengeResolved.challenge_id");
        require(message.hasKind(), "ChallengeResolved.kind");
        require(message.hasOutcome(), "ChallengeResolved.outcome");
        return new ChallengeResolved(message.getChallengeId(), challengeKind(message.getKindValue()),
                challengeOutcome(message.getOutcomeValue()));
    }

    private static SessionStarted fromMessage(ProgressV1.SessionStarted message) {
        requireWellTyped(message);
        require(message.hasClientIp(), "SessionStarted.client_ip");
        require(message.hasDeviceFingerprintHash(), "SessionStarted.device_fingerprint_hash");
        return new SessionStarted(message.getClientIp(), message.getDeviceFingerprintHash().toByteArray(),
                message.hasUserAgent() ? message.getUserAgent() : null);
    }

    private static SessionEnded fromMessage(ProgressV1.SessionEnded message) {
        requireWellTyped(message);
        require(message.hasReason(), "SessionEnded.reason");
        require(message.hasPositionSecond(), "SessionEnded.position_second");
        return new SessionEnded(message.getReason(), uint32(message.getPositionSecond(), "SessionEnded.position_second"));
    }

    private static ChallengeKind challengeKind(int wireNumber) {
        for (ChallengeKind kind : ChallengeKind.values()) {
            if (kind.wireNumber() == wireNumber) {
                return kind;
            }
        }
        // a new enum value needs a new payload version: v1 consumers could not act on it
        throw new PayloadDecodingException("ChallengeResolved.kind has an unknown value");
    }

    private static ChallengeOutcome challengeOutcome(int wireNumber) {
        for (ChallengeOutcome outcome : ChallengeOutcome.values()) {
            if (outcome.wireNumber() == wireNumber) {
                return outcome;
            }
        }
        throw new PayloadDecodingException("ChallengeResolved.outcome has an unknown value");
    }

    /**
     * Protobuf files a known field number with the wrong wire type among the unknown fields; the contract
     * rejects it. Unknown fields are rare (a newer producer), so the common case is one emptiness check.
     */
    private static void requireWellTyped(Message message) {
        var unknown = message.getUnknownFields().asMap();
        if (unknown.isEmpty()) {
            return;
        }
        for (int number : unknown.keySet()) {
            FieldDescriptor field = message.getDescriptorForType().findFieldByNumber(number);
            if (field != null) {
                throw new PayloadDecodingException(message.getDescriptorForType().getName() + "." + field.getName()
                        + " has the wrong wire type");
            }
        }
    }

    private static UUID uuid(ByteString bytes, String field) {
        if (bytes.size() != UUID_BYTES) {
            throw new PayloadDecodingException(field + " must have " + UUID_BYTES + " bytes");
        }
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = most << 8 | (bytes.byteAt(i) & 0xFF);
            least = least << 8 | (bytes.byteAt(8 + i) & 0xFF);
        }
        return new UUID(most, least);
    }

    private static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new PayloadDecodingException(field + " must not be negative");
        }
        return value;
    }

    /** A {@code uint32} above {@code Integer.MAX_VALUE} arrives as a negative Java int: refused, never wrapped. */
    private static int uint32(int value, String field) {
        if (value < 0) {
            throw new PayloadDecodingException(field + " is out of range");
        }
        return value;
    }

    private static void require(boolean present, String field) {
        if (!present) {
            throw new PayloadDecodingException(field + " is missing");
        }
    }
}

package io.baeum.common.progress;

import static com.google.protobuf.CodedOutputStream.computeEnumSize;
import static com.google.protobuf.CodedOutputStream.computeInt64Size;
import static com.google.protobuf.CodedOutputStream.computeStringSize;
import static com.google.protobuf.CodedOutputStream.computeTagSize;
import static com.google.protobuf.CodedOutputStream.computeUInt32Size;
import static com.google.protobuf.CodedOutputStream.computeUInt32SizeNoTag;
import static com.google.protobuf.CodedOutputStream.computeUInt64Size;
import static com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED;
import static com.google.protobuf.WireFormat.WIRETYPE_VARINT;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

import io.baeum.common.progress.ProgressEventKind.ChallengeKind;
import io.baeum.common.progress.ProgressEventKind.ChallengeOutcome;
import io.baeum.common.progress.ProgressEventKind.ChallengeResolved;
import io.baeum.common.progress.ProgressEventKind.CreditRefused;
import io.baeum.common.progress.ProgressEventKind.SessionEnded;
import io.baeum.common.progress.ProgressEventKind.SessionStarted;
import io.baeum.common.progress.ProgressEventKind.WatchCredited;

/**
 * {@link ProgressBatch} as payload type 1, schema version 1: protobuf wire format written and read by
 * hand with protobuf-java's {@link CodedOutputStream}/{@link CodedInputStream}, so no generated code is
 * needed. The schema ({@code baeum.progress.v1}) is in {@code docs/wire-format.md}; anyone can decode a
 * payload with {@code protoc --decode}.
 *
 * <p>Encoding writes every field in field-number order, including zero values (the schema uses proto3
 * {@code optional}, i.e. explicit presence). Decoding skips unknown fields, so fields added within v1
 * are ignored by older consumers, and rejects missing required fields, a second {@code kind}, wrong wire
 * types and out-of-range values with a {@link PayloadDecodingException}.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProgressBatchV1Codec implements PayloadCodec<ProgressBatch> {

    /** Payload type byte of progress batches. */
    public static final int PAYLOAD_TYPE = 1;

    /** The schema version this codec reads and writes. */
    public static final int VERSION = 1;

    // ProgressBatch
    static final int BATCH_PRODUCER_ID = 1;
    static final int BATCH_CREATED_AT = 2;
    static final int BATCH_ID = 3;
    static final int BATCH_EVENTS = 4;
    // ProgressEvent
    static final int EVENT_ID = 1;
    static final int EVENT_OCCURRED_AT = 2;
    static final int EVENT_ACCOUNT_ID = 3;
    static final int EVENT_ENROLLMENT_ID = 4;
    static final int EVENT_LESSON_ID = 5;
    static final int EVENT_PLAYBACK_SESSION_ID = 6;
    static final int EVENT_WATCH_CREDITED = 10;
    static final int EVENT_CREDIT_REFUSED = 11;
    static final int EVENT_CHALLENGE_RESOLVED = 12;
    static final int EVENT_SESSION_STARTED = 13;
    static final int EVENT_SESSION_ENDED = 14;

    private static final int UUID_BYTES = 16;
    private static final int UUID_FIELD_BODY = 1 + UUID_BYTES;

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
        byte[] out = new byte[encodedSize(batch)];
        CodedOutputStream output = CodedOutputStream.newInstance(out);
        try {
            output.writeString(BATCH_PRODUCER_ID, batch.producerId());
            output.writeInt64(BATCH_CREATED_AT, batch.createdAtEpochMs());
            writeUuid(output, BATCH_ID, batch.batchId());
            for (ProgressEvent event : batch.events()) {
                output.writeTag(BATCH_EVENTS, WIRETYPE_LENGTH_DELIMITED);
                output.writeUInt32NoTag(eventSize(event));
                writeEvent(output, event);
            }
            output.checkNoSpaceLeft();
        }
        catch (IOException ex) {
            // only possible if the size computation and the writer disagree: a bug, not bad input
            throw new IllegalStateException("progress batch size was computed wrongly", ex);
        }
        return out;
    }

    /**
     * @param batch a batch
     * @return the exact number of bytes {@link #encode} produces for it
     */
    public int encodedSize(ProgressBatch batch) {
        int size = batchHeaderSize(batch.producerId(), batch.createdAtEpochMs());
        for (ProgressEvent event : batch.events()) {
            size += eventFieldSize(event);
        }
        return size;
    }

    /** Bytes of a batch with no events. */
    static int batchHeaderSize(String producerId, long createdAtEpochMs) {
        return computeStringSize(BATCH_PRODUCER_ID, producerId)
                + computeInt64Size(BATCH_CREATED_AT, createdAtEpochMs)
                + computeTagSize(BATCH_ID) + UUID_FIELD_BODY;
    }

    /** Bytes one event adds to a batch: tag, length and body. */
    static int eventFieldSize(ProgressEvent event) {
        int size = eventSize(event);
        return computeTagSize(BATCH_EVENTS) + computeUInt32SizeNoTag(size) + size;
    }

    private static int eventSize(ProgressEvent event) {
        int kindSize = kindSize(event.kind());
        return computeTagSize(EVENT_ID) + UUID_FIELD_BODY
                + computeInt64Size(EVENT_OCCURRED_AT, event.occurredAtEpochMs())
                + computeStringSize(EVENT_ACCOUNT_ID, event.accountId())
                + computeStringSize(EVENT_ENROLLMENT_ID, event.enrollmentId())
                + computeStringSize(EVENT_LESSON_ID, event.lessonId())
                + computeStringSize(EVENT_PLAYBACK_SESSION_ID, event.playbackSessionId())
                + computeTagSize(kindField(event.kind())) + computeUInt32SizeNoTag(kindSize) + kindSize;
    }

    private static int kindField(ProgressEventKind kind) {
        return switch (kind) {
            case WatchCredited w -> EVENT_WATCH_CREDITED;
            case CreditRefused c -> EVENT_CREDIT_REFUSED;
            case ChallengeResolved c -> EVENT_CHALLENGE_RESOLVED;
            case SessionStarted s -> EVENT_SESSION_STARTED;
            case SessionEnded s -> EVENT_SESSION_ENDED;
        };
    }

    private static int kindSize(ProgressEventKind kind) {
        return switch (kind) {
            case WatchCredited w -> computeUInt32Size(1, w.fromSecond())
                    + computeUInt32Size(2, w.toSecond())
                    + computeUInt64Size(3, w.creditedMillis())
                    + computeUInt32Size(4, w.positionSecond());
            case CreditRefused c -> computeStringSize(1, c.reasonCode())
                    + computeUInt32Size(2, c.positionSecond())
                    + computeUInt64Size(3, c.refusedMillis());
            case ChallengeResolved c -> computeStringSize(1, c.challengeId())
                    + computeEnumSize(2, c.kind().wireNumber())
                    + computeEnumSize(3, c.outcome().wireNumber());
            case SessionStarted s -> computeStringSize(1, s.clientIp())
                    + CodedOutputStream.computeByteArraySize(2, s.fingerprintHashUnsafe())
                    + (s.userAgent() == null ? 0 : computeStringSize(3, s.userAgent()));
            case SessionEnded s -> computeStringSize(1, s.reason())
                    + computeUInt32Size(2, s.positionSecond());
        };
    }

    private static void writeEvent(CodedOutputStream output, ProgressEvent event) throws IOException {
        writeUuid(output, EVENT_ID, event.eventId());
        output.writeInt64(EVENT_OCCURRED_AT, event.occurredAtEpochMs());
        output.writeString(EVENT_ACCOUNT_ID, event.accountId());
        output.writeString(EVENT_ENROLLMENT_ID, event.enrollmentId());
        output.writeString(EVENT_LESSON_ID, event.lessonId());
        output.writeString(EVENT_PLAYBACK_SESSION_ID, event.playbackSessionId());
        ProgressEventKind kind = event.kind();
        output.writeTag(kindField(kind), WIRETYPE_LENGTH_DELIMITED);
        output.writeUInt32NoTag(kindSize(kind));
        switch (kind) {
            case WatchCredited w -> {
                output.writeUInt32(1, w.fromSecond());
                output.writeUInt32(2, w.toSecond());
                output.writeUInt64(3, w.creditedMillis());
                output.writeUInt32(4, w.positionSecond());
            }
            case CreditRefused c -> {
                output.writeString(1, c.reasonCode());
                output.writeUInt32(2, c.positionSecond());
                output.writeUInt64(3, c.refusedMillis());
            }
            case ChallengeResolved c -> {
                output.writeString(1, c.challengeId());
                output.writeEnum(2, c.kind().wireNumber());
                output.writeEnum(3, c.outcome().wireNumber());
            }
            case SessionStarted s -> {
                output.writeString(1, s.clientIp());
                output.writeByteArray(2, s.fingerprintHashUnsafe());
                if (s.userAgent() != null) {
                    output.writeString(3, s.userAgent());
                }
            }
            case SessionEnded s -> {
                output.writeString(1, s.reason());
                output.writeUInt32(2, s.positionSecond());
            }
        }
    }

    private static void writeUuid(CodedOutputStream output, int field, UUID uuid) throws IOException {
        output.writeTag(field, WIRETYPE_LENGTH_DELIMITED);
        output.writeUInt32NoTag(UUID_BYTES);
        // RFC 9562 byte order (big-endian most significant half first); fixed64 would be little-endian
        output.writeRawLittleEndian64(Long.reverseBytes(uuid.getMostSignificantBits()));
        output.writeRawLittleEndian64(Long.reverseBytes(uuid.getLeastSignificantBits()));
    }

    // ---------------------------------------------------------------- decoding

    @Override
    public ProgressBatch decode(int version, byte[] bytes) {
        if (version != VERSION) {
            throw new PayloadDecodingException("progress batch version " + version + " is not supported");
        }
        CodedInputStream input = CodedInputStream.newInstance(bytes);
        try {
            return readBatch(input);
        }
        catch (IOException ex) {
            throw new PayloadDecodingException("progress batch is not valid protobuf", ex);
        }
        catch (IllegalArgumentException ex) {
            // the records' own validation; their messages name fields, never values
            throw new PayloadDecodingException("progress batch has an out-of-range value: " + ex.getMessage(), ex);
        }
    }

    private static ProgressBatch readBatch(CodedInputStream input) throws IOException {
        String producerId = null;
        long createdAt = -1;
        boolean hasCreatedAt = false;
        UUID batchId = null;
        List<ProgressEvent> events = new ArrayList<>();
        int tag;
        while ((tag = input.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case BATCH_PRODUCER_ID -> producerId = readString(input, tag, "ProgressBatch.producer_id");
                case BATCH_CREATED_AT -> {
                    createdAt = readVarint64(input, tag, "ProgressBatch.created_at_epoch_ms");
                    hasCreatedAt = true;
                }
                case BATCH_ID -> batchId = readUuid(input, tag, "ProgressBatch.batch_id");
                case BATCH_EVENTS -> {
                    int limit = enterMessage(input, tag, "ProgressBatch.events");
                    events.add(readEvent(input));
                    input.popLimit(limit);
                }
                default -> skipUnknown(input, tag);
            }
        }
        require(producerId != null, "ProgressBatch.producer_id");
        require(hasCreatedAt, "ProgressBatch.created_at_epoch_ms");
        require(batchId != null, "ProgressBatch.batch_id");
        return new ProgressBatch(producerId, createdAt, batchId, events);
    }

    private static ProgressEvent readEvent(CodedInputStream input) throws IOException {
        UUID eventId = null;
        long occurredAt = -1;
        boolean hasOccurredAt = false;
        String accountId = null;
        String enrollmentId = null;
        String lessonId = null;
        String playbackSessionId = null;
        ProgressEventKind kind = null;
        int tag;
        while ((tag = input.readTag()) != 0) {
            int field = WireFormat.getTagFieldNumber(tag);
            switch (field) {
                case EVENT_ID -> eventId = readUuid(input, tag, "ProgressEvent.event_id");
                case EVENT_OCCURRED_AT -> {
                    occurredAt = readVarint64(input, tag, "ProgressEvent.occurred_at_epoch_ms");
                    hasOccurredAt = true;
                }
                case EVENT_ACCOUNT_ID -> accountId = readString(input, tag, "ProgressEvent.account_id");
                case EVENT_ENROLLMENT_ID -> enrollmentId = readString(input, tag, "ProgressEvent.enrollment_id");
                case EVENT_LESSON_ID -> lessonId = readString(input, tag, "ProgressEvent.lesson_id");
                case EVENT_PLAYBACK_SESSION_ID ->
                        playbackSessionId = readString(input, tag, "ProgressEvent.playback_session_id");
                case EVENT_WATCH_CREDITED, EVENT_CREDIT_REFUSED, EVENT_CHALLENGE_RESOLVED,
                     EVENT_SESSION_STARTED, EVENT_SESSION_ENDED -> {
                    if (kind != null) {
                        throw new PayloadDecodingException("ProgressEvent has more than one kind");
                    }
                    int limit = enterMessage(input, tag, "ProgressEvent.kind");
                    kind = switch (field) {
                        case EVENT_WATCH_CREDITED -> readWatchCredited(input);
                        case EVENT_CREDIT_REFUSED -> readCreditRefused(input);
                        case EVENT_CHALLENGE_RESOLVED -> readChallengeResolved(input);
                        case EVENT_SESSION_STARTED -> readSessionStarted(input);
                        default -> readSessionEnded(input);
                    };
                    input.popLimit(limit);
                }
                default -> skipUnknown(input, tag);
            }
        }
        require(eventId != null, "ProgressEvent.event_id");
        require(hasOccurredAt, "ProgressEvent.occurred_at_epoch_ms");
        require(accountId != null, "ProgressEvent.account_id");
        require(enrollmentId != null, "ProgressEvent.enrollment_id");
        require(lessonId != null, "ProgressEvent.lesson_id");
        require(playbackSessionId != null, "ProgressEvent.playback_session_id");
        require(kind != null, "ProgressEvent.kind");
        return new ProgressEvent(eventId, occurredAt, accountId, enrollmentId, lessonId, playbackSessionId, kind);
    }

    private static WatchCredited readWatchCredited(CodedInputStream input) throws IOException {
        long from = -1;
        long to = -1;
        long credited = -1;
        long position = -1;
        int tag;
        while ((tag = input.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> from = readUInt32(input, tag, "WatchCredited.from_second");
                case 2 -> to = readUInt32(input, tag, "WatchCredited.to_second");
                case 3 -> credited = readVarint64(input, tag, "WatchCredited.credited_millis");
                case 4 -> position = readUInt32(input, tag, "WatchCredited.position_second");
                default -> skipUnknown(input, tag);
            }
        }
        require(from >= 0, "WatchCredited.from_second");
        require(to >= 0, "WatchCredited.to_second");
        require(credited >= 0, "WatchCredited.credited_millis");
        require(position >= 0, "WatchCredited.position_second");
        return new WatchCredited(toInt(from, "WatchCredited.from_second"), toInt(to, "WatchCredited.to_second"),
                credited, toInt(position, "WatchCredited.position_second"));
    }

    private static CreditRefused readCreditRefused(CodedInputStream input) throws IOException {
        String reason = null;
        long position = -1;
        long refused = -1;
        int tag;
        while ((tag = input.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> reason = readString(input, tag, "CreditRefused.reason");
                case 2 -> position = readUInt32(input, tag, "CreditRefused.position_second");
                case 3 -> refused = readVarint64(input, tag, "CreditRefused.refused_millis");
                default -> skipUnknown(input, tag);
            }
        }
        require(reason != null, "CreditRefused.reason");
        require(position >= 0, "CreditRefused.position_second");
        require(refused >= 0, "CreditRefused.refused_millis");
        return new CreditRefused(reason, toInt(position, "CreditRefused.position_second"), refused);
    }

    private static ChallengeResolved readChallengeResolved(CodedInputStream input) throws IOException {
        String challengeId = null;
        ChallengeKind kind = null;
        ChallengeOutcome outcome = null;
        int tag;
        while ((tag = input.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> challengeId = readString(input, tag, "ChallengeResolved.challenge_id");
                case 2 -> kind = challengeKind(readEnum(input, tag, "ChallengeResolved.kind"));
                case 3 -> outcome = challengeOutcome(readEnum(input, tag, "ChallengeResolved.outcome"));
                default -> skipUnknown(input, tag);
            }
        }
        require(challengeId != null, "ChallengeResolved.challenge_id");
        require(kind != null, "ChallengeResolved.kind");
        require(outcome != null, "ChallengeResolved.outcome");
        return new ChallengeResolved(challengeId, kind, outcome);
    }

    private static SessionStarted readSessionStarted(CodedInputStream input) throws IOException {
        String clientIp = null;
        byte[] fingerprint = null;
        String userAgent = null;
        int tag;
        while ((tag = input.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> clientIp = readString(input, tag, "SessionStarted.client_ip");
                case 2 -> {
                    expectWireType(tag, WIRETYPE_LENGTH_DELIMITED, "SessionStarted.device_fingerprint_hash");
                    fingerprint = input.readByteArray();
                }
                case 3 -> userAgent = readString(input, tag, "SessionStarted.user_agent");
                default -> skipUnknown(input, tag);
            }
        }
        require(clientIp != null, "SessionStarted.client_ip");
        require(fingerprint != null, "SessionStarted.device_fingerprint_hash");
        return new SessionStarted(clientIp, fingerprint, userAgent);
    }

    private static SessionEnded readSessionEnded(CodedInputStream input) throws IOException {
        String reason = null;
        long position = -1;
        int tag;
        while ((tag = input.readTag()) != 0) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case 1 -> reason = readString(input, tag, "SessionEnded.reason");
                case 2 -> position = readUInt32(input, tag, "SessionEnded.position_second");
                default -> skipUnknown(input, tag);
            }
        }
        require(reason != null, "SessionEnded.reason");
        require(position >= 0, "SessionEnded.position_second");
        return new SessionEnded(reason, toInt(position, "SessionEnded.position_second"));
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

    private static int enterMessage(CodedInputStream input, int tag, String field) throws IOException {
        expectWireType(tag, WIRETYPE_LENGTH_DELIMITED, field);
        int length = input.readRawVarint32();
        if (length < 0) {
            throw new PayloadDecodingException(field + " has a negative length");
        }
        return input.pushLimit(length);
    }

    private static String readString(CodedInputStream input, int tag, String field) throws IOException {
        expectWireType(tag, WIRETYPE_LENGTH_DELIMITED, field);
        return input.readStringRequireUtf8();
    }

    private static long readVarint64(CodedInputStream input, int tag, String field) throws IOException {
        expectWireType(tag, WIRETYPE_VARINT, field);
        long value = input.readInt64();
        if (value < 0) {
            throw new PayloadDecodingException(field + " must not be negative");
        }
        return value;
    }

    /** Reads a uint32 as a long, so values above {@code Integer.MAX_VALUE} are seen and refused rather than wrapped. */
    private static long readUInt32(CodedInputStream input, int tag, String field) throws IOException {
        expectWireType(tag, WIRETYPE_VARINT, field);
        long value = input.readRawVarint64();
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new PayloadDecodingException(field + " is out of range");
        }
        return value;
    }

    private static int readEnum(CodedInputStream input, int tag, String field) throws IOException {
        expectWireType(tag, WIRETYPE_VARINT, field);
        return input.readEnum();
    }

    private static UUID readUuid(CodedInputStream input, int tag, String field) throws IOException {
        expectWireType(tag, WIRETYPE_LENGTH_DELIMITED, field);
        if (input.readRawVarint32() != UUID_BYTES) {
            throw new PayloadDecodingException(field + " must have " + UUID_BYTES + " bytes");
        }
        long most = Long.reverseBytes(input.readRawLittleEndian64());
        long least = Long.reverseBytes(input.readRawLittleEndian64());
        return new UUID(most, least);
    }

    private static void skipUnknown(CodedInputStream input, int tag) throws IOException {
        if (!input.skipField(tag)) {
            throw new PayloadDecodingException("unexpected end-group tag");
        }
    }

    private static void expectWireType(int tag, int wireType, String field) {
        if (WireFormat.getTagWireType(tag) != wireType) {
            throw new PayloadDecodingException(field + " has the wrong wire type");
        }
    }

    private static int toInt(long value, String field) {
        if (value > Integer.MAX_VALUE) {
            throw new PayloadDecodingException(field + " is out of range");
        }
        return (int) value;
    }

    private static void require(boolean present, String field) {
        if (!present) {
            throw new PayloadDecodingException(field + " is missing");
        }
    }
}

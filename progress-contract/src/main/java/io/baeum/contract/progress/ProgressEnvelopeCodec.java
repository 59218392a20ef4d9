package io.baeum.contract.progress;

import static io.baeum.contract.progress.EnvelopeRejectionReason.*;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;

/**
 * Seals payloads into signed, compressed, base64 message bodies and opens them again. The layout and
 * the order of checks are specified in {@code docs/wire-format.md}; in short:
 *
 * <pre>
 * "BAEM" | envelope version (1) | key id length (1) | key id | payload type (1) | payload version (u16)
 *        | uncompressed length (u32) | zstd frame | HMAC-SHA256 over everything before it (32)
 * </pre>
 *
 * <p>{@link #open} verifies the MAC in constant time before it looks at the compressed bytes, caps
 * what it will decompress and never allocates more than the cap. Every failure is a
 * {@link ProgressEnvelopeException} with one {@link EnvelopeRejectionReason}.
 *
 * <p>Thread-safe. zstd contexts and {@link Mac} instances are not, so each call borrows a workspace from
 * a small pool owned by this instance (not a {@code ThreadLocal}: with virtual threads that would
 * mean one native context per task). {@link #close()} frees the native contexts.
 */
public final class ProgressEnvelopeCodec implements AutoCloseable {

    /** The first four bytes of every envelope: ASCII {@code BAEM}. */
    static final byte[] MAGIC = {'B', 'A', 'E', 'M'};

    /** The only envelope format version this codec reads and writes. */
    public static final int ENVELOPE_VERSION = 1;

    /** Length of the HMAC-SHA256 trailer. */
    public static final int MAC_LENGTH = 32;

    /**
     * The zstd level producers use. Part of the golden vectors: changing it (or upgrading zstd) may change
     * the bytes a producer writes, never what a consumer accepts.
     */
    public static final int COMPRESSION_LEVEL = 3;

    /** Magic, version, key id length, payload type, payload version, uncompressed length: everything but the key id. */
    static final int FIXED_HEADER_LENGTH = MAGIC.length + 1 + 1 + 1 + 2 + 4;

    /** The longest possible header, used to bound a sealed message's size before compressing. */
    public static final int MAX_HEADER_LENGTH = FIXED_HEADER_LENGTH + ProgressKey.MAX_ID_LENGTH;

    private static final byte[] ZSTD_FRAME_MAGIC = {(byte) 0x28, (byte) 0xB5, (byte) 0x2F, (byte) 0xFD};

    private final ProgressKeyRing keys;
    private final ProgressEnvelopeLimits limits;
    private final BlockingQueue<Workspace> pool;
    private volatile boolean closed;

    /**
     * @param keys   producers sign with the current key; consumers accept every key of the ring
     * @param limits size caps, identical on producer and consumer
     */
    public ProgressEnvelopeCodec(ProgressKeyRing keys, ProgressEnvelopeLimits limits) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.pool = new ArrayBlockingQueue<>(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * @return the limits this codec enforces
     */
    public ProgressEnvelopeLimits limits() {
        return limits;
    }

    /**
     * Encodes, compresses and signs a payload with the ring's current key.
     *
     * @param codec   the payload codec; its {@link PayloadCodec#currentVersion()} is written
     * @param payload the payload
     * @param <T>     the payload type
     * @return the standard-base64 message body
     * @throws IllegalArgumentException when the payload or the sealed body exceeds the limits (split the
     *                                  batch, see {@link ProgressBatchSplitter}): the consumer would reject it
     */
    public <T> String seal(PayloadCodec<T> codec, T payload) {
        String body = Base64.getEncoder().encodeToString(sealToBytes(codec, payload));
        if (body.length() > limits.maxEncodedChars()) {
            throw new IllegalArgumentException("sealed envelope has " + body.length()
                    + " base64 characters, above the limit of " + limits.maxEncodedChars() + "; split the batch");
        }
        return body;
    }

    /**
     * Like {@link #seal} but returns the binary envelope before base64 (tests and tools).
     *
     * @param codec   the payload codec
     * @param payload the payload
     * @param <T>     the payload type
     * @return the binary envelope
     */
    public <T> byte[] sealToBytes(PayloadCodec<T> codec, T payload) {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(payload, "payload");
        int type = codec.payloadType();
        int version = codec.currentVersion();
        if (type < 1 || type > 0xFF) {
            throw new IllegalArgumentException("payload type must be in 1..255, was " + type);
        }
        if (version < 0 || version > 0xFFFF) {
            throw new IllegalArgumentException("payload version must be in 0..65535, was " + version);
        }
        byte[] raw = codec.encode(payload);
        if (raw.length > limits.maxDecompressedBytes()) {
            throw new IllegalArgumentException("payload has " + raw.length + " bytes, above the limit of "
                    + limits.maxDecompressedBytes() + "; split the batch");
        }
        ProgressKey key = keys.current();
        byte[] keyId = key.idBytes();
        int headerLength = FIXED_HEADER_LENGTH + keyId.length;
        int bound = (int) Zstd.compressBound(raw.length);
        byte[] buffer = new byte[headerLength + bound + MAC_LENGTH];

        int at = 0;
        System.arraycopy(MAGIC, 0, buffer, at, MAGIC.length);
        at += MAGIC.length;
        buffer[at++] = (byte) ENVELOPE_VERSION;
        buffer[at++] = (byte) keyId.length;
        System.arraycopy(keyId, 0, buffer, at, keyId.length);
        at += keyId.length;
        buffer[at++] = (byte) type;
        buffer[at++] = (byte) (version >>> 8);
        buffer[at++] = (byte) version;
        writeInt(buffer, at, raw.length);
        at += 4;

        Workspace workspace = borrow();
        int signedLength;
        try {
            int compressedLength = workspace.compressor().compressByteArray(buffer, at, bound, raw, 0, raw.length);
            signedLength = headerLength + compressedLength;
            Mac mac = workspace.mac(key);
            mac.update(buffer, 0, signedLength);
            mac.doFinal(buffer, signedLength);
        }
        catch (ShortBufferException ex) {
            throw new IllegalStateException("MAC buffer sized wrongly", ex);
        }
        finally {
            release(workspace);
        }
        return Arrays.copyOf(buffer, signedLength + MAC_LENGTH);
    }

    /**
     * Verifies, decompresses and decodes a message body.
     *
     * @param body  the SQS message body (standard base64)
     * @param codec the payload codec the consumer expects
     * @param <T>   the payload type
     * @return the key id, payload version and decoded payload
     * @throws ProgressEnvelopeException when the message must not be applied, with the reason
     */
    public <T> OpenedEnvelope<T> open(String body, PayloadCodec<T> codec) {
        Objects.requireNonNull(body, "body");
        if (body.length() > limits.maxEncodedChars()) {
            throw reject(TOO_LONG, "message body is longer than " + limits.maxEncodedChars() + " characters");
        }
        byte[] envelope;
        try {
            envelope = Base64.getDecoder().decode(body);
        }
        catch (IllegalArgumentException ex) {
            // the JDK's message quotes the offending input: not propagated
            throw reject(MALFORMED_BASE64, "message body is not standard base64");
        }
        return openBytes(envelope, codec);
    }

    /**
     * Verifies, decompresses and decodes a binary envelope (after base64). Applies every check of
     * {@link #open} except the encoded-length cap.
     *
     * @param envelope the binary envelope
     * @param codec    the payload codec the consumer expects
     * @param <T>      the payload type
     * @return the key id, payload version and decoded payload
     * @throws ProgressEnvelopeException when the message must not be applied, with the reason
     */
    public <T> OpenedEnvelope<T> openBytes(byte[] envelope, PayloadCodec<T> codec) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(codec, "codec");
        int length = envelope.length;
        if (length < MAGIC.length) {
            throw reject(TRUNCATED, "envelope shorter than its magic");
        }
        if (!Arrays.equals(envelope, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw reject(BAD_MAGIC, "not a Baeum envelope");
        }
        if (length < MAGIC.length + 2) {
            throw reject(TRUNCATED, "envelope ends inside its header");
        }
        int envelopeVersion = envelope[MAGIC.length] & 0xFF;
        if (envelopeVersion != ENVELOPE_VERSION) {
            throw reject(UNSUPPORTED_ENVELOPE_VERSION, "envelope version " + envelopeVersion + " is not supported");
        }
        int keyIdLength = envelope[MAGIC.length + 1] & 0xFF;
        if (keyIdLength == 0 || keyIdLength > ProgressKey.MAX_ID_LENGTH) {
            throw reject(MALFORMED_HEADER, "key id length " + keyIdLength + " is outside 1.." + ProgressKey.MAX_ID_LENGTH);
        }
        int headerLength = FIXED_HEADER_LENGTH + keyIdLength;
        int macOffset = length - MAC_LENGTH;
        if (macOffset <= headerLength) {
            throw reject(TRUNCATED, "envelope too short for header, payload and MAC");
        }
        int at = MAGIC.length + 2;
        for (int i = at; i < at + keyIdLength; i++) {
            if (!isKeyIdChar(envelope[i])) {
                throw reject(MALFORMED_HEADER, "key id contains a character outside [A-Za-z0-9._-]");
            }
        }
        String keyId = new String(envelope, at, keyIdLength, StandardCharsets.US_ASCII);
        at += keyIdLength;
        ProgressKey key = keys.find(keyId).orElseThrow(
                () -> reject(UNKNOWN_KEY, "key id '" + keyId + "' is not in the key ring"));

        Workspace workspace = borrow();
        try {
            // Authenticate first: nothing below, zstd included, ever sees unauthenticated bytes.
            if (!workspace.verify(key, envelope, macOffset)) {
                throw reject(BAD_SIGNATURE, "HMAC does not match");
            }
            int payloadType = envelope[at++] & 0xFF;
            int payloadVersion = ((envelope[at] & 0xFF) << 8) | (envelope[at + 1] & 0xFF);
            at += 2;
            long declaredLength = readUnsignedInt(envelope, at);
            at += 4;
            if (payloadType != codec.payloadType()) {
                throw reject(UNSUPPORTED_PAYLOAD_TYPE, "payload type " + payloadType + " is not the expected "
                        + codec.payloadType());
            }
            if (!codec.supportedVersions().contains(payloadVersion)) {
                throw reject(UNSUPPORTED_PAYLOAD_VERSION, "payload type " + payloadType + " version "
                        + payloadVersion + " is not supported");
            }
            if (declaredLength > limits.maxDecompressedBytes()) {
                throw reject(DECLARED_SIZE_TOO_LARGE, "declared uncompressed length " + declaredLength
                        + " is above the limit of " + limits.maxDecompressedBytes());
            }
            byte[] payload = decompress(workspace, envelope, at, macOffset - at, (int) declaredLength);
            return new OpenedEnvelope<>(keyId, payloadVersion, decode(codec, payloadVersion, payload));
        }
        finally {
            release(workspace);
        }
    }

    private byte[] decompress(Workspace workspace, byte[] src, int offset, int length, int declaredLength) {
        if (length < ZSTD_FRAME_MAGIC.length
                || !Arrays.equals(src, offset, offset + ZSTD_FRAME_MAGIC.length, ZSTD_FRAME_MAGIC, 0, ZSTD_FRAME_MAGIC.length)) {
            throw reject(CORRUPT_COMPRESSION, "compressed payload is not a zstd frame");
        }
        // The frame header is read without decompressing anything, so a bomb costs a few bytes of parsing.
        long contentSize = Zstd.getFrameContentSize(src, offset, length);
        if (contentSize < 0) {
            throw reject(CORRUPT_COMPRESSION, "zstd frame header is invalid or does not carry the content size");
        }
        if (contentSize > limits.maxDecompressedBytes()) {
            throw reject(DECOMPRESSED_TOO_LARGE, "zstd frame announces " + contentSize
                    + " bytes, above the limit of " + limits.maxDecompressedBytes());
        }
        if (contentSize != declaredLength) {
            throw reject(LENGTH_MISMATCH, "zstd frame announces " + contentSize + " bytes, the header "
                    + declaredLength);
        }
        try {
            // Exactly one frame: zstd would otherwise go on decoding concatenated frames.
            if (Zstd.findFrameCompressedSize(src, offset, length) != length) {
                throw reject(CORRUPT_COMPRESSION, "bytes follow the zstd frame");
            }
            byte[] out = new byte[declaredLength];
            int written = workspace.decompressor().decompressByteArray(out, 0, out.length, src, offset, length);
            if (written != declaredLength) {
                throw reject(LENGTH_MISMATCH, "zstd frame produced " + written + " bytes, the header " + declaredLength);
            }
            return out;
        }
        catch (ZstdException ex) {
            throw reject(CORRUPT_COMPRESSION, "zstd frame is corrupt", ex);
        }
    }

    private static <T> T decode(PayloadCodec<T> codec, int version, byte[] payload) {
        T decoded;
        try {
            decoded = codec.decode(version, payload);
        }
        catch (RuntimeException ex) {
            // Any failure here, including a codec bug, must end in the DLQ with a reason rather than an
            // endless redelivery loop.
            throw reject(UNDECODABLE_PAYLOAD, "payload could not be decoded: " + safeDetail(ex), ex);
        }
        if (decoded == null) {
            throw reject(UNDECODABLE_PAYLOAD, "payload codec returned nothing");
        }
        return decoded;
    }

    private static String safeDetail(RuntimeException ex) {
        // Our own payload codecs write messages that name fields, never values; anything else gets its type only.
        return ex instanceof PayloadDecodingException ? ex.getMessage() : ex.getClass().getSimpleName();
    }

    private static boolean isKeyIdChar(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '.' || b == '_' || b == '-';
    }

    private static ProgressEnvelopeException reject(EnvelopeRejectionReason reason, String detail) {
        return new ProgressEnvelopeException(reason, detail);
    }

    private static ProgressEnvelopeException reject(EnvelopeRejectionReason reason, String detail, Throwable cause) {
        return new ProgressEnvelopeException(reason, detail, cause);
    }

    private static void writeInt(byte[] buffer, int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    private static long readUnsignedInt(byte[] buffer, int at) {
        return ((long) (buffer[at] & 0xFF) << 24) | ((buffer[at + 1] & 0xFF) << 16)
                | ((buffer[at + 2] & 0xFF) << 8) | (buffer[at + 3] & 0xFF);
    }

    private Workspace borrow() {
        if (closed) {
            throw new IllegalStateException("codec is closed");
        }
        Workspace workspace = pool.poll();
        return workspace != null ? workspace : new Workspace();
    }

    private void release(Workspace workspace) {
        if (closed || !pool.offer(workspace)) {
            workspace.close();
        }
    }

    /**
     * Frees the pooled native zstd contexts. Calls in flight finish; later calls fail.
     */
    @Override
    public void close() {
        closed = true;
        Workspace workspace;
        while ((workspace = pool.poll()) != null) {
            workspace.close();
        }
    }

    /** The non-thread-safe tools one call needs, created lazily: producers never decompress, consumers never compress. */
    private static final class Workspace {

        private ZstdCompressCtx compressor;
        private ZstdDecompressCtx decompressor;
        private Mac mac;
        private final byte[] expected = new byte[MAC_LENGTH];
        private final byte[] actual = new byte[MAC_LENGTH];

        ZstdCompressCtx compressor() {
            if (compressor == null) {
                // No zstd checksum (the HMAC is stronger) and no dictionary id: fewer bytes on the wire.
                compressor = new ZstdCompressCtx().setLevel(COMPRESSION_LEVEL).setChecksum(false)
                        .setContentSize(true).setDictID(false);
            }
            return compressor;
        }

        ZstdDecompressCtx decompressor() {
            if (decompressor == null) {
                decompressor = new ZstdDecompressCtx();
            }
            return decompressor;
        }

        Mac mac(ProgressKey key) {
            try {
                if (mac == null) {
                    mac = Mac.getInstance(ProgressKey.HMAC_ALGORITHM);
                }
                mac.init(key.secretKey());
                return mac;
            }
            catch (NoSuchAlgorithmException | InvalidKeyException ex) {
                throw new IllegalStateException("HmacSHA256 is unavailable", ex);
            }
        }

        boolean verify(ProgressKey key, byte[] envelope, int macOffset) {
            Mac hmac = mac(key);
            hmac.update(envelope, 0, macOffset);
            try {
                hmac.doFinal(expected, 0);
            }
            catch (GeneralSecurityException ex) {
                throw new IllegalStateException("MAC buffer sized wrongly", ex);
            }
            System.arraycopy(envelope, macOffset, actual, 0, MAC_LENGTH);
            return MessageDigest.isEqual(expected, actual);
        }

        void close() {
            if (compressor != null) {
                compressor.close();
            }
            if (decompressor != null) {
                decompressor.close();
            }
        }
    }
}

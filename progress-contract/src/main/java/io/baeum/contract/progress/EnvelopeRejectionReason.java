package io.baeum.contract.progress;

/**
 * Why {@link ProgressEnvelopeCodec#open} refused a message. Exactly one reason per failure, listed in
 * the order the checks run, so a consumer can route the message to its dead-letter queue and tag a
 * metric with {@link #name()} without parsing exception messages.
 */
public enum EnvelopeRejectionReason {

    /** The message body is longer than {@link ProgressEnvelopeLimits#maxEncodedChars()}; not even decoded. */
    TOO_LONG,

    /** The message body is not standard base64. */
    MALFORMED_BASE64,

    /** The envelope ends before its fixed header, key id, payload and MAC could all be present. */
    TRUNCATED,

    /** The first bytes are not the envelope magic: not an envelope at all. */
    BAD_MAGIC,

    /** An envelope format version this codec does not know; checked before the MAC because the layout depends on it. */
    UNSUPPORTED_ENVELOPE_VERSION,

    /** The key id is empty, longer than 32 characters or uses characters outside {@code [A-Za-z0-9._-]}. */
    MALFORMED_HEADER,

    /** The key id is well formed but is neither the current nor a previous key of the consumer's ring. */
    UNKNOWN_KEY,

    /** The HMAC-SHA256 does not match: tampered, truncated or signed with another secret under the same id. */
    BAD_SIGNATURE,

    /** Authenticated, but the payload type is not the one the consumer expects. */
    UNSUPPORTED_PAYLOAD_TYPE,

    /** Authenticated, but the payload schema version is not supported by the payload codec. */
    UNSUPPORTED_PAYLOAD_VERSION,

    /** Authenticated, but the header declares an uncompressed length above the cap. */
    DECLARED_SIZE_TOO_LARGE,

    /** Authenticated, but the zstd frame header announces more bytes than the cap (a zstd bomb). */
    DECOMPRESSED_TOO_LARGE,

    /** Authenticated, but the zstd frame's content size differs from the declared uncompressed length. */
    LENGTH_MISMATCH,

    /** Authenticated, but the compressed bytes are not exactly one valid zstd frame with a content size. */
    CORRUPT_COMPRESSION,

    /** Authenticated and decompressed, but the payload codec could not decode or validate the payload. */
    UNDECODABLE_PAYLOAD
}

package io.baeum.contract.progress;

import java.util.Set;

/**
 * Turns one kind of payload into bytes and back, for every schema version it supports. The envelope
 * ({@link ProgressEnvelopeCodec}) is independent of the payload: it only carries
 * {@link #payloadType()} and the schema version in its authenticated header, so a v2 payload can be
 * introduced by a codec that writes v2 and still reads v1 while old messages drain.
 *
 * <p>Implementations must be thread-safe (stateless is simplest).
 *
 * @param <T> the decoded payload
 */
public interface PayloadCodec<T> {

    /**
     * @return the payload type byte written into the envelope header, 1..255
     */
    int payloadType();

    /**
     * @return the schema version {@link #encode} writes, 0..65535
     */
    int currentVersion();

    /**
     * @return every schema version {@link #decode} accepts (includes {@link #currentVersion()})
     */
    Set<Integer> supportedVersions();

    /**
     * @param payload the payload to encode
     * @return the uncompressed payload bytes in schema version {@link #currentVersion()}
     */
    byte[] encode(T payload);

    /**
     * @param version a version from {@link #supportedVersions()}
     * @param bytes   authenticated, decompressed payload bytes
     * @return the decoded and validated payload
     * @throws PayloadDecodingException when the bytes are not a valid payload of that version
     */
    T decode(int version, byte[] bytes);
}

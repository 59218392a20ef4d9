package io.baeum.contract.progress;

/**
 * A verified, decompressed and decoded envelope.
 *
 * @param keyId          the id of the key that signed it (worth a metric tag while a key rotation drains)
 * @param payloadVersion the payload schema version it was written in
 * @param payload        the decoded payload
 * @param <T>            the payload type
 */
public record OpenedEnvelope<T>(String keyId, int payloadVersion, T payload) {
}

package io.baeum.contract.progress;

/**
 * Thrown by a {@link PayloadCodec} when authenticated, decompressed bytes are not a valid payload
 * (missing required field, out-of-range value, wrong wire type, truncated field). The envelope codec
 * turns it into {@link EnvelopeRejectionReason#UNDECODABLE_PAYLOAD}. Messages name fields, never
 * values.
 */
public final class PayloadDecodingException extends RuntimeException {

    /**
     * @param message which rule was broken, naming the field but not its value
     */
    public PayloadDecodingException(String message) {
        super(message);
    }

    /**
     * @param message which rule was broken, naming the field but not its value
     * @param cause   the underlying failure
     */
    public PayloadDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.baeum.contract.progress;

import java.util.Objects;

/**
 * A message was rejected by {@link ProgressEnvelopeCodec#open}. The {@link #reason()} is the stable
 * machine-readable part (DLQ reason, metric tag); the message is a fixed, human-readable explanation
 * written by the codec. It never contains key material and never echoes payload values (which may be
 * personal data such as client IP addresses).
 */
public final class ProgressEnvelopeException extends RuntimeException {

    private final EnvelopeRejectionReason reason;

    /**
     * @param reason the single reason for the rejection
     * @param detail a short explanation written by the codec, never attacker- or secret-derived text
     */
    public ProgressEnvelopeException(EnvelopeRejectionReason reason, String detail) {
        this(reason, detail, null);
    }

    /**
     * @param reason the single reason for the rejection
     * @param detail a short explanation written by the codec, never attacker- or secret-derived text
     * @param cause  the underlying failure, if any (zstd or payload decoding)
     */
    public ProgressEnvelopeException(EnvelopeRejectionReason reason, String detail, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + detail, cause);
        this.reason = reason;
    }

    /**
     * @return why the message was rejected
     */
    public EnvelopeRejectionReason reason() {
        return reason;
    }
}

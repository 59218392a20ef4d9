package io.baeum.learning.notification.domain;

/** A channel gave up on a message: after {@code attempts} tries, or at once for a permanent fault. */
public final class DeliveryFailed extends RuntimeException {

    private final int attempts;
    private final boolean transientFault;

    public DeliveryFailed(String message, int attempts, boolean transientFault, Throwable cause) {
        super(message, cause);
        this.attempts = attempts;
        this.transientFault = transientFault;
    }

    public int attempts() {
        return attempts;
    }

    public boolean transientFault() {
        return transientFault;
    }
}

package io.baeum.contract.progress;

/**
 * Size limits shared by producer and consumer. The consumer rejects anything above them before doing
 * work proportional to the claimed size; the producer refuses to seal anything the consumer would
 * reject.
 *
 * @param maxEncodedChars      the largest accepted message body (base64 characters). SQS caps a message
 *                             at 256 KiB including message attributes, so the default is exactly that;
 *                             a producer that adds attributes should use a lower value
 * @param maxDecompressedBytes the largest accepted uncompressed payload; never allocates more
 */
public record ProgressEnvelopeLimits(int maxEncodedChars, int maxDecompressedBytes) {

    /** The SQS message size limit in bytes (body plus attributes). */
    public static final int SQS_MAX_MESSAGE_BYTES = 256 * 1024;

    /** Default cap on the uncompressed payload: 1 MiB. */
    public static final int DEFAULT_MAX_DECOMPRESSED_BYTES = 1024 * 1024;

    /** Hard ceiling on {@link #maxDecompressedBytes}: a cap above this is a configuration error. */
    public static final int MAX_DECOMPRESSED_CEILING = 64 * 1024 * 1024;

    public ProgressEnvelopeLimits {
        if (maxEncodedChars < 64) {
            throw new IllegalArgumentException("maxEncodedChars must be at least 64, was " + maxEncodedChars);
        }
        if (maxDecompressedBytes < 1 || maxDecompressedBytes > MAX_DECOMPRESSED_CEILING) {
            throw new IllegalArgumentException("maxDecompressedBytes must be in 1.." + MAX_DECOMPRESSED_CEILING
                    + ", was " + maxDecompressedBytes);
        }
    }

    /**
     * @return 256 KiB of base64 and 1 MiB uncompressed
     */
    public static ProgressEnvelopeLimits defaults() {
        return new ProgressEnvelopeLimits(SQS_MAX_MESSAGE_BYTES, DEFAULT_MAX_DECOMPRESSED_BYTES);
    }
}

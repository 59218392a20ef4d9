package io.baeum.billing.payment.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import io.baeum.common.error.DomainException;

/**
 * Standard Webhooks verification, as PortOne V2 signs its webhooks: headers {@code webhook-id},
 * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature} (space-separated
 * {@code v1,<base64>} entries), each present exactly once; the signature is HMAC-SHA256 over
 * {@code id + "." + timestamp + "." + rawBody} keyed by the base64-decoded part of the
 * {@code whsec_...} secret. Any secret of the list may have signed (rotation); signatures are compared in
 * constant time; timestamps further than the tolerance from now are refused (replays of old deliveries).
 */
public final class WebhookSignature {

    public static final String PREFIX = "whsec_";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_ID = 256;

    private final List<byte[]> keys;
    private final Duration tolerance;
    private final Clock clock;

    public WebhookSignature(List<String> secrets, Duration tolerance, Clock clock) {
        this.keys = secrets.stream().map(WebhookSignature::key).toList();
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** A verified delivery's id and timestamp. */
    public record Delivery(String id, long timestamp) {
    }

    /**
     * @param ids        every {@code webhook-id} header value received
     * @param timestamps every {@code webhook-timestamp} header value received
     * @param signatures every {@code webhook-signature} header value received
     * @throws DomainException {@code WEBHOOK_HEADERS_INVALID} (400), {@code WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE}
     *                         or {@code WEBHOOK_SIGNATURE_INVALID} (401)
     */
    public Delivery verify(@Nullable List<String> ids, @Nullable List<String> timestamps, @Nullable List<String> signatures,
                           byte[] body) {
        String id = single(ids, "webhook-id");
        String timestamp = single(timestamps, "webhook-timestamp");
        String signature = single(signatures, "webhook-signature");
        if (id.length() > MAX_ID || !id.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw headers("webhook-id is not a printable token of at most " + MAX_ID + " characters");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw headers("webhook-timestamp is not Unix seconds");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > tolerance.toSeconds()) {
            throw new DomainException(io.baeum.common.error.ErrorKind.UNAUTHENTICATED, "WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE",
                    "the webhook's timestamp is too far from now");
        }
        List<byte[]> offered = new ArrayList<>();
        for (String entry : signature.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma > 0 && "v1".equals(entry.substring(0, comma))) {
                try {
                    offered.add(Base64.getDecoder().decode(entry.substring(comma + 1)));
                } catch (IllegalArgumentException ignored) {
                    // not base64: cannot match, other entries may
                }
            }
        }
        byte[] signed = signedContent(id, seconds, body);
        boolean valid = false;
        for (byte[] key : keys) {
            byte[] expected = hmac(key, signed);
            for (byte[] candidate : offered) {
                // no early exit: the time taken does not depend on which entry or key matched
                valid |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!valid) {
            throw new DomainException(io.baeum.common.error.ErrorKind.UNAUTHENTICATED, "WEBHOOK_SIGNATURE_INVALID",
                    "no webhook-signature entry matches");
        }
        return new Delivery(id, seconds);
    }

    /** The {@code webhook-signature} value for a delivery signed with {@code secret} (the sandbox and tests sign with it). */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(key(secret), signedContent(id, timestamp, body)));
    }

    private static byte[] signedContent(String id, long timestamp, byte[] body) {
        byte[] head = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            if (key.length < 16) {
                throw new IllegalArgumentException("shorter than 16 bytes");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a webhook secret must be whsec_ followed by base64 of at least 16 bytes", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String single(@Nullable List<String> values, String header) {
        if (values == null || values.size() != 1 || values.getFirst().isBlank()) {
            throw headers(header + " must be sent exactly once");
        }
        return values.getFirst().trim();
    }

    private static DomainException headers(String message) {
        return DomainException.invalid("WEBHOOK_HEADERS_INVALID", message);
    }
}
